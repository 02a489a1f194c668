package io.vigie.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.vigie.localstack.LocalStack;
import io.vigie.localstack.VigieService;

/**
 * The locked-account runbook case, replayed through the real Splunk webhook: repeated failed logins on client A's
 * domain controller, then the account locked out. A newcomer then sees the incident in case-service and client A's
 * notices in the mailbox. Needs the {@link SeedData}, else the asset is unknown and nobody is told.
 */
public final class LockedAccountDemo {

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LockedAccountDemo(LocalStack stack) {
        this.stack = stack;
    }

    /** Posts the two Splunk alerts; fails naming the one alert-intake-service did not accept. */
    public static void replay(LocalStack stack) {
        new LockedAccountDemo(stack).replay();
    }

    private void replay() {
        // Each replay is a new occurrence (its own sid and time), so a replay on a later start opens a new incident
        // rather than being acknowledged as a repeat of the previous one.
        long now = Instant.now().getEpochSecond();
        post("Access - Repeated failed logins - Rule", now - 60, "27");
        post("Access - Account locked out - Rule", now, "30");
    }

    // As Splunk's webhook alert action sends it: the first result row, the search's sid and name, owner and app.
    private void post(String searchName, long time, String count) {
        String sid = "scheduler__admin__search__RMD5demo" + Long.toHexString(time) + "_at_" + time + "_" + count;
        String body = """
                {"result": {"_time": "%d.000", "host": "%s", "user": "j.doe", "src": "203.0.113.45",
                            "action": "failure", "count": "%s", "urgency": "high", "tag": ["authentication"],
                            "sourcetype": "WinEventLog:Security"},
                 "sid": "%s",
                 "results_link": "https://splunk.client-a.example:8000/app/search/@go?sid=%s",
                 "search_name": "%s", "owner": "admin", "app": "search"}
                """.formatted(time, SeedData.CLIENT_A_DOMAIN_CONTROLLER, count, sid, sid, searchName);
        String url = stack.webhookSources().splunkUrl(stack.service(VigieService.ALERT_INTAKE).baseUrl());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Demo: the Splunk webhook failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo: interrupted while posting the Splunk webhook", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo: the Splunk webhook answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
