package io.vigie.load.pipeline;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.vigie.localstack.LocalWebhookSources;

/** Builds the webhook requests: generic-API alerts signed with the source's HMAC secret, Alertmanager storms. */
final class AlertRequests {

    private final BenchWorld world;
    private final int batchSize;
    private final int stormAlerts;
    private final URL genericUrl;
    private final URL alertmanagerUrl;
    private final String alertmanagerToken;
    private final ThreadLocal<Mac> hmac;

    AlertRequests(StackHandle stack, BenchWorld world, int batchSize, int stormAlerts) {
        this(stack, stack.serviceUrl("intake"), world, batchSize, stormAlerts);
    }

    /** As the other, to the alert-intake-service instance at {@code intake} (a second instance beside the stack's). */
    AlertRequests(StackHandle stack, String intake, BenchWorld world, int batchSize, int stormAlerts) {
        this.world = world;
        this.batchSize = batchSize;
        this.stormAlerts = stormAlerts;
        this.genericUrl = url(intake + "/api/v1/alerts");
        this.alertmanagerUrl = url(intake + "/webhooks/alertmanager/" + LocalWebhookSources.ALERTMANAGER);
        this.alertmanagerToken = stack.property("source.alertmanager.token");
        byte[] secret = stack.property("source.generic.secret").getBytes(StandardCharsets.UTF_8);
        this.hmac = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("No HMAC-SHA256 in this JVM", e);
            }
        });
    }

    private static URL url(String address) {
        try {
            return URI.create(address).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Not a URL: " + address, e);
        }
    }

    /** The {@code position}-th generic-API alert of steady incident {@code incident}. */
    WebhookLoad.Outgoing generic(int incident, int position, boolean warmUp) {
        byte[] body = world.genericAlert(incident, position, warmUp, Instant.now()).getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = hmac.get();
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String signature = HexFormat.of().formatHex(mac.doFinal(body));
        return new WebhookLoad.Outgoing(genericUrl, Map.of(
                "Content-Type", "application/json",
                "X-Vigie-Source", LocalWebhookSources.GENERIC,
                "X-Vigie-Timestamp", timestamp,
                "X-Vigie-Signature", "sha256=" + signature), body, 1, warmUp ? -1 : incident);
    }

    /** Alertmanager notification {@code batch} of the storm. */
    WebhookLoad.Outgoing storm(int batch, Instant startsAt) {
        int first = batch * batchSize;
        int count = Math.min(batchSize, stormAlerts - first);
        byte[] body = world.stormNotification(batch, first, count, startsAt).getBytes(StandardCharsets.UTF_8);
        return new WebhookLoad.Outgoing(alertmanagerUrl, Map.of(
                "Content-Type", "application/json",
                "Authorization", "Bearer " + alertmanagerToken), body, count, 0);
    }
}
