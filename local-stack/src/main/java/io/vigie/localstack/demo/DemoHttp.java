package io.vigie.localstack.demo;

import java.io.IOException;
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
import java.util.UUID;

import io.vigie.localstack.LocalUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP calls of the seed data and the demo: the services' own APIs and webhooks, as an operator or a SIEM would
 * call them. Every refusal becomes an exception that names the call, its status and the service's problem text, so a
 * failed demo says what to look at.
 */
final class DemoHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String purpose;

    /** {@code purpose} starts every error message: "Seed data", "Demo (ddos)". */
    DemoHttp(String purpose) {
        this.purpose = purpose;
    }

    /** What alert-intake-service answered a webhook: the alerts it published and those it knew already. */
    record Posted(List<UUID> alertIds, int published, int duplicates) {

        static Posted sum(List<Posted> answers) {
            List<UUID> ids = new ArrayList<>();
            int published = 0;
            int duplicates = 0;
            for (Posted answer : answers) {
                ids.addAll(answer.alertIds());
                published += answer.published();
                duplicates += answer.duplicates();
            }
            return new Posted(List.copyOf(ids), published, duplicates);
        }
    }

    /** Posts a webhook body with the source's own headers; anything but a 2xx fails naming the status and reason. */
    Posted postAlert(String what, String url, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        // The URL may carry a token (Splunk): messages name the webhook, never the URL.
        HttpResponse<String> response = send(request.build(), "the " + what + " webhook");
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(purpose + ": the " + what + " webhook answered " + response.statusCode()
                    + ": " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        List<UUID> ids = new ArrayList<>();
        answer.path("alerts").forEach(alert -> ids.add(UUID.fromString(alert.path("alertId").asString())));
        return new Posted(List.copyOf(ids), answer.path("published").asInt(), answer.path("duplicates").asInt());
    }

    /** Calls a service's API as {@code user}; a 2xx answers its body, anything else fails with the call and reason. */
    String call(String method, String url, String contentType, String body, LocalUsers.User user) {
        HttpResponse<String> response = send(request(method, url, contentType, body, user), method + " " + url);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(purpose + ": " + method + " " + url + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A JSON read that may not find its object yet: null for a 404, the document for a 200. */
    JsonNode getJsonIfPresent(String url, LocalUsers.User user) {
        HttpResponse<String> response = send(request("GET", url, null, null, user), "GET " + url);
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(purpose + ": GET " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    JsonNode getJson(String url, LocalUsers.User user) {
        return JSON.readTree(call("GET", url, null, null, user));
    }

    /**
     * A client's page, opened or posted as the client's browser would, with no Vigie account (the signed link in the
     * URL or the form is the credential); a 2xx answers the page, anything else fails naming the page and status.
     */
    String page(String method, String url, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Accept", "text/html");
        if (form == null) {
            request.GET();
        } else {
            StringBuilder body = new StringBuilder();
            form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        // The link is the client's credential: messages name the page, never the URL with its token.
        String page = URI.create(url).getPath();
        HttpResponse<String> response = send(request.build(), method + " " + page);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(purpose + ": " + method + " " + page + " answered " + response.statusCode());
        }
        return response.body();
    }

    static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    private HttpRequest request(String method, String url, String contentType, String body, LocalUsers.User user) {
        String credentials = Base64.getEncoder().encodeToString(
                (user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(purpose + ": " + what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(purpose + ": interrupted during " + what, e);
        }
    }
}
