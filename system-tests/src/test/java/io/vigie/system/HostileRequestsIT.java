package io.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.localstack.LocalUsers;
import io.vigie.localstack.VigieService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bad-input and attack battery, kept as a regression suite: hostile path values, methods, bodies, content types
 * and callers against every service's endpoints on the running stack. Whatever the request, the answer is never a 5xx,
 * never a stack trace, an exception's or SQL's words, and never echoes a secret (a Splunk token, a password); refusals
 * of the APIs are problem+json. Each request is one line of the report this test prints, so a regression names the
 * request that caused it.
 */
@ExtendWith(VigieSystemExtension.class)
class HostileRequestsIT {

    private static final List<String> HOSTILE_IDS = List.of("not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "%00",
            "'%20OR%201=1%20--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "1e400", "-1", "9".repeat(40),
            "x".repeat(3000), "%E2%80%AE", "00000000-0000-0000-0000-000000000000");
    private static final List<String> HOSTILE_BODIES = List.of("", "{", "[]", "null", "\"text\"", "{\"a\":1e400}",
            "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "{\"x\": \"\\u0000\"}", "<xml/>",
            "{\"severity\": \"CRITICAL\", \"summary\": \"" + "y".repeat(200_000) + "\"}");
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "org.springframework", "java.lang",
            "SQLState", "syntax error", "org.h2", "org.postgresql", "Caused by");

    private static VigieSystem system;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void connect(VigieSystem vigie) {
        system = vigie;
    }

    @Test
    void shouldAnswerEveryHostileRequestWithoutA5xxAStackTraceOrASecret() throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        Map<VigieService, List<String>> getPaths = Map.of(
                VigieService.ALERT_INTAKE, List.of("/api/v1/evidence/%s"),
                VigieService.TRIAGE, List.of("/api/incidents/%s", "/api/inventory/%s", "/api/indicators/%s/%s",
                        "/api/policy?limit=%s", "/api/incidents?limit=%s"),
                VigieService.NOTIFICATION, List.of("/api/clients/%s", "/api/incidents/%s/notices",
                        "/api/templates/%s/%s/%s", "/ack?t=%s", "/agreement?t=%s"),
                VigieService.REGULATORY, List.of("/api/clients/%s/regimes", "/api/clients/%s/breach-register",
                        "/api/incidents/%s/reports", "/api/incidents/%s/clients/%s/reports/%s/draft",
                        "/api/incidents/%s/clients/%s/reports/%s/export.pdf"),
                VigieService.CASE, List.of("/api/cases/%s", "/api/cases/%s/timeline",
                        "/api/cases/%s/timeline/verification", "/api/cases?client=%s", "/api/cases?limit=%s"),
                VigieService.POSTMORTEM, List.of("/api/incidents/%s/postmortem", "/api/postmortems/%s",
                        "/api/postmortems/%s/report.md", "/api/postmortems/%s/report.pdf", "/api/learning/trends?from=%s"));
        for (Map.Entry<VigieService, List<String>> service : getPaths.entrySet()) {
            for (String template : service.getValue()) {
                for (String id : HOSTILE_IDS) {
                    String path = template.replace("%s", id);
                    attempts.add(attempt(service.getKey(), "GET", path, "viewer", null, null));
                    attempts.add(attempt(service.getKey(), "GET", path, null, null, null));
                }
            }
        }
        Map<VigieService, List<String>> writes = Map.of(
                VigieService.TRIAGE, List.of("PUT /api/inventory/x", "PUT /api/policy", "POST /api/inventory/import"),
                VigieService.NOTIFICATION, List.of("PUT /api/clients/x", "POST /api/clients/import",
                        "POST /api/incidents/00000000-0000-0000-0000-000000000000/agreement-requests",
                        "PUT /api/templates/DEFAULT/INITIAL/en"),
                VigieService.CASE, List.of("POST /api/cases/00000000-0000-0000-0000-000000000000/notes",
                        "POST /api/cases/00000000-0000-0000-0000-000000000000/resolution",
                        "POST /api/cases/not-a-uuid/severity"),
                VigieService.POSTMORTEM, List.of("PUT /api/postmortems/00000000-0000-0000-0000-000000000000/analysis",
                        "POST /api/postmortems/00000000-0000-0000-0000-000000000000/approval"),
                VigieService.ALERT_INTAKE, List.of("POST /api/v1/alerts"),
                VigieService.REGULATORY, List.of("PUT /api/clients/x/regimes",
                        "PUT /api/incidents/00000000-0000-0000-0000-000000000000/clients/x/awareness",
                        "POST /api/incidents/00000000-0000-0000-0000-000000000000/clients/x/reports/"
                                + "GDPR_AUTHORITY_NOTIFICATION/submission",
                        "PUT /api/incidents/00000000-0000-0000-0000-000000000000/clients/x/reports/"
                                + "NIS2_EARLY_WARNING/draft"));
        for (Map.Entry<VigieService, List<String>> service : writes.entrySet()) {
            for (String write : service.getValue()) {
                String method = write.substring(0, write.indexOf(' '));
                String path = write.substring(write.indexOf(' ') + 1);
                for (String body : HOSTILE_BODIES) {
                    attempts.add(attempt(service.getKey(), method, path, "manager", body, "application/json"));
                }
                attempts.add(attempt(service.getKey(), method, path, "manager", "{}", "application/x-www-form-urlencoded"));
                attempts.add(attempt(service.getKey(), method, path, "viewer", "{}", "application/json"));
                attempts.add(attempt(service.getKey(), "PATCH", path, "manager", "{}", "application/json"));
                attempts.add(attempt(service.getKey(), method, path, null, "{}", "application/json"));
            }
        }
        String splunk = system.stack().webhookSources().splunkUrl(system.stack().service(VigieService.ALERT_INTAKE).baseUrl());
        String splunkPath = URI.create(splunk).getRawPath();
        for (String body : HOSTILE_BODIES) {
            attempts.add(attempt(VigieService.ALERT_INTAKE, "POST", splunkPath, null, body, "application/json"));
        }
        attempts.add(attempt(VigieService.ALERT_INTAKE, "GET", splunkPath, null, null, null));
        attempts.add(attempt(VigieService.ALERT_INTAKE, "DELETE", splunkPath, null, null, null));
        attempts.add(attempt(VigieService.ALERT_INTAKE, "POST", splunkPath, null, "{}", "text/plain"));

        List<String> failures = new ArrayList<>();
        String token = splunkPath.substring(splunkPath.lastIndexOf('/') + 1);
        List<String> secrets = new ArrayList<>(List.of(token));
        system.stack().users().users().values().forEach(user -> secrets.add(user.password()));
        for (Attempt attempt : attempts) {
            failures.addAll(attempt.problems(LEAKS, secrets));
        }
        System.out.printf("HostileRequestsIT: %d hostile requests, %d problems%n", attempts.size(), failures.size());
        assertThat(failures).as("requests answered badly").isEmpty();
        assertThat(attempts).hasSizeGreaterThan(350);
    }

    private record Attempt(String request, int status, String contentType, String body) {

        List<String> problems(List<String> leaks, List<String> secrets) {
            List<String> problems = new ArrayList<>();
            if (status >= 500 || status == 0) {
                problems.add(request + " answered " + status);
            }
            for (String leak : leaks) {
                if (body.contains(leak)) {
                    problems.add(request + " answered with '" + leak + "' in its body");
                }
            }
            for (String secret : secrets) {
                if (body.contains(secret)) {
                    problems.add(request + " echoed a secret");
                }
            }
            boolean api = request.contains(" /api/");
            if (api && status >= 400 && status != 429 && (contentType == null || !contentType.contains("json"))) {
                problems.add(request + " answered " + status + " as " + contentType + ", not problem+json");
            }
            // One error shape everywhere (platform/web-security's README): each entry names its field and says what
            // is wrong in "message".
            if (api && status >= 400 && contentType != null && contentType.contains("json")
                    && body.contains("\"errors\"")) {
                JsonNode errors = VigieSystem.parse(body).get("errors");
                if (errors != null && errors.isArray()) {
                    for (JsonNode error : errors) {
                        if (!error.isObject() || !error.has("field") || !error.has("message")) {
                            problems.add(request + " answered an error without field and message: " + error);
                        }
                    }
                }
            }
            // Nobody reads client data without logging in: refused as unauthenticated (or as a malformed URL,
            // which Tomcat refuses before anything else).
            if (api && request.endsWith(" as nobody") && status != 401 && status != 400) {
                problems.add(request + " answered " + status + " to a caller who never logged in");
            }
            return problems;
        }
    }

    private static Attempt attempt(VigieService service, String method, String path, String user, String body,
                                   String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.stack().service(service).baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            LocalUsers.User caller = system.user(user);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (caller.name() + ":" + caller.password()).getBytes(StandardCharsets.UTF_8)));
        }
        String described = service.shortName() + " " + method + " " + shorten(path)
                + (body == null ? "" : " with " + shorten(URLEncoder.encode(body, StandardCharsets.UTF_8)))
                + " as " + (user == null ? "nobody" : user);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Attempt(described, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (java.io.IOException e) {
            return new Attempt(described, 0, null, String.valueOf(e.getMessage()));
        }
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
    }
}
