package io.vigie.notification.delivery;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * An SMS provider with a JSON HTTP API: {@code POST url} with {@code {"to", "text", "voice"}}, a bearer token and the
 * message's {@code Idempotency-Key}. 4xx (except 429) is a refusal; anything else may work later.
 */
@Component
@ConditionalOnProperty(name = "vigie.notification.sms.provider", havingValue = "http")
class HttpSmsProvider implements SmsProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmsProperties properties;
    private final HttpClient http;

    HttpSmsProvider(SmsProperties properties) {
        if (properties.url() == null || properties.url().isBlank()) {
            throw new IllegalStateException("vigie.notification.sms.url is required with sms.provider=http");
        }
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(SmsMessage message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("to", message.to(), "text", message.text(), "voice", message.voice()))));
        if (properties.token() != null) {
            request.header("Authorization", "Bearer " + properties.token());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("SMS provider unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending an SMS", e);
        }
        int status = response.statusCode();
        if (status >= 400 && status < 500 && status != 429) {
            throw new SmsRejectedException("SMS provider refused the message: HTTP " + status);
        }
        if (status / 100 != 2) {
            throw new IllegalStateException("SMS provider answered HTTP " + status);
        }
    }
}
