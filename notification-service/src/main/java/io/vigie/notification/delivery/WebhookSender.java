package io.vigie.notification.delivery;

import io.vigie.notification.directory.Channel;
import io.vigie.notification.notice.Notice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notice as JSON to the client's ticketing system. Signed like Stripe's webhooks:
 * {@code X-Vigie-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the client's secret>}; the notice id
 * is the {@code Idempotency-Key}. Redirects are never followed: a 3xx is a failure, so an allowed host cannot bounce
 * the request to a forbidden one.
 */
@Component
class WebhookSender implements ChannelSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookGuard guard;
    private final HttpClient http;
    private final WebhookProperties properties;
    private final Clock clock;

    @Autowired
    WebhookSender(WebhookGuard guard, WebhookProperties properties, Clock clock) {
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(Outgoing message) throws DeliveryException {
        URI target;
        try {
            target = URI.create(message.recipient());
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent("Webhook refused: not a URL");
        }
        // The JDK client resolves the host again; within the resolver cache's lifetime it gets the checked answer.
        guard.check(target);
        if (message.webhookSecret() == null) {
            throw DeliveryException.permanent("Webhook refused: the client has no webhook secret to sign with");
        }
        String body = JSON.writeValueAsString(body(message));
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.notice().id().toString())
                .header("X-Vigie-Signature", "t=" + timestamp + ",v1="
                        + signature(message.webhookSecret(), timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw DeliveryException.transientFailure("Webhook unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("Interrupted while calling the webhook", e);
        }
        int status = response.statusCode();
        if (status / 100 == 3) {
            throw DeliveryException.permanent("Webhook refused: the target answered a redirect (HTTP " + status
                    + "), which is never followed");
        }
        if (status / 100 != 2) {
            boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
            throw new DeliveryException("Webhook answered HTTP " + status, permanent, null);
        }
    }

    static String signature(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Map<String, Object> body(Outgoing message) {
        Notice notice = message.notice();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("noticeId", notice.id().toString());
        body.put("incidentId", notice.incidentId().toString());
        body.put("clientId", notice.clientId());
        body.put("stage", notice.stage().name());
        body.put("sequence", notice.sequence());
        body.put("severity", notice.severity().name());
        body.put("category", notice.category().name());
        body.put("templateId", message.rendered().templateId());
        body.put("subject", message.rendered().subject());
        body.put("text", message.rendered().text());
        body.put("acknowledgeUrl", message.ackUrl());
        return body;
    }
}
