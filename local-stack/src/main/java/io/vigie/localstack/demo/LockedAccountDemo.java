package io.vigie.localstack.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.vigie.localstack.LocalStack;
import io.vigie.localstack.VigieService;

/**
 * The locked-account runbook case, replayed through the real Splunk webhook: repeated failed logins on client A's
 * domain controller, then the account locked out. A newcomer then sees the incident in case-service and client A's
 * notices in the mailbox. Needs the {@link SeedData}, else the asset is unknown and nobody is told.
 */
public final class LockedAccountDemo {

    private final LocalStack stack;
    private final DemoHttp http;

    private LockedAccountDemo(LocalStack stack, DemoHttp http) {
        this.stack = stack;
        this.http = http;
    }

    /** Posts the two Splunk alerts; fails naming the one alert-intake-service did not accept. */
    public static void replay(LocalStack stack) {
        post(stack, new DemoHttp("Demo (" + DemoScenario.LOCKED_ACCOUNT.id() + ")"));
    }

    static DemoHttp.Posted post(LocalStack stack, DemoHttp http) {
        return new LockedAccountDemo(stack, http).replay();
    }

    private DemoHttp.Posted replay() {
        // Each replay is a new occurrence (its own sid and time). Splunk's fingerprint (search, host, user) is the same
        // every time, though, so a replay within intake's de-duplication window (10 min) is acknowledged as a repeat.
        long now = Instant.now().getEpochSecond();
        return DemoHttp.Posted.sum(List.of(
                post("Access - Repeated failed logins - Rule", now - 60, "27"),
                post("Access - Account locked out - Rule", now, "30")));
    }

    // As Splunk's webhook alert action sends it: the first result row, the search's sid and name, owner and app.
    private DemoHttp.Posted post(String searchName, long time, String count) {
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
        return http.postAlert("Splunk", url, body, Map.of());
    }
}
