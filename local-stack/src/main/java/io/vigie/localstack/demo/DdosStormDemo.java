package io.vigie.localstack.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.vigie.localstack.LocalStack;
import io.vigie.localstack.VigieService;

/**
 * A DDoS making client C's online shop unavailable, replayed through the real Alertmanager webhook as an alert storm:
 * a Prometheus rule on the edge proxies fires once per attacking address ({@code sum by (src_ip)} of the request
 * rate), so a botnet of {@value #SOURCES} addresses gives {@value #SOURCES} firing alerts, which Alertmanager groups
 * by the attackers' network ({@code group_by: [alertname, instance, src_asn]}) and sends as {@value #NOTIFICATIONS}
 * notifications of {@value #PER_NOTIFICATION}. Every alert is about the same asset, so triage collapses the storm into
 * one incident and client C's contacts get one notice, not two thousand.
 */
final class DdosStormDemo {

    static final int NOTIFICATIONS = 40;
    static final int PER_NOTIFICATION = 50;
    static final int SOURCES = NOTIFICATIONS * PER_NOTIFICATION;
    private static final int CONCURRENT_NOTIFICATIONS = 4;
    private static final String ALERT_NAME = "HttpFloodFromSource";

    private DdosStormDemo() {
    }

    static DemoHttp.Posted post(LocalStack stack, DemoHttp http) {
        String intake = stack.service(VigieService.ALERT_INTAKE).baseUrl();
        String url = stack.webhookSources().alertmanagerUrl(intake);
        Map<String, String> headers = Map.of("Authorization", "Bearer " + stack.webhookSources().alertmanagerToken());
        Instant startsAt = Instant.now();
        List<Callable<DemoHttp.Posted>> posts = new ArrayList<>();
        for (int group = 0; group < NOTIFICATIONS; group++) {
            String body = DemoHttp.toJson(notification(group, startsAt));
            posts.add(() -> http.postAlert("Alertmanager", url, body, headers));
        }
        // Alertmanager flushes each group on its own, so notifications of different groups arrive side by side.
        ExecutorService senders = Executors.newFixedThreadPool(CONCURRENT_NOTIFICATIONS);
        try {
            List<DemoHttp.Posted> answers = new ArrayList<>();
            for (Future<DemoHttp.Posted> answer : senders.invokeAll(posts)) {
                answers.add(answer.get());
            }
            return DemoHttp.Posted.sum(answers);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo (ddos): interrupted while posting the storm", e);
        } finally {
            senders.shutdownNow();
        }
    }

    // One group of Alertmanager's webhook v4: 50 attacking addresses of one autonomous system.
    private static Map<String, Object> notification(int group, Instant startsAt) {
        String asn = "AS" + (64512 + group);
        String instance = SeedData.CLIENT_C_SHOP + ":443";
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < PER_NOTIFICATION; i++) {
            // 198.18.0.0/15 is reserved for benchmarking (RFC 2544): never a real address, never on the threat list.
            String sourceIp = "198." + (18 + group / 20) + "." + (group % 20 * 10 + i / 10) + "." + (i % 10 * 25 + 1);
            Map<String, String> labels = new TreeMap<>(Map.of(
                    "alertname", ALERT_NAME,
                    "instance", instance,
                    "job", "edge-proxy",
                    "service", SeedData.CLIENT_C_SHOP_SERVICE,
                    "client", SeedData.CLIENT_C,
                    "severity", "critical",
                    "src_asn", asn,
                    "src_ip", sourceIp));
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("status", "firing");
            alert.put("labels", labels);
            alert.put("annotations", Map.of(
                    "summary", "DDoS: HTTP flood on the online shop, which is unavailable",
                    "description", sourceIp + " (" + asn + ") sends " + (380 + i * 7) + " requests/s to "
                            + SeedData.CLIENT_C_SHOP + "; the edge proxies answer 503 to 97% of the requests.",
                    "runbook_url", "https://runbooks.soc.example/ddos/http-flood"));
            alert.put("startsAt", startsAt.toString());
            alert.put("endsAt", "0001-01-01T00:00:00Z");
            alert.put("generatorURL", "http://prometheus.client-c.example:9090/graph?g0.expr="
                    + "sum+by+%28src_ip%29+%28rate%28edge_http_requests_total%5B1m%5D%29%29+%3E+300&g0.tab=1");
            alert.put("fingerprint", fingerprint(labels));
            alerts.add(alert);
        }
        Map<String, String> groupLabels = new TreeMap<>(Map.of("alertname", ALERT_NAME, "instance", instance,
                "src_asn", asn));
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("receiver", "vigie");
        notification.put("status", "firing");
        notification.put("alerts", alerts);
        notification.put("groupLabels", groupLabels);
        notification.put("commonLabels", Map.of("alertname", ALERT_NAME, "instance", instance, "job", "edge-proxy",
                "service", SeedData.CLIENT_C_SHOP_SERVICE, "client", SeedData.CLIENT_C, "severity", "critical",
                "src_asn", asn));
        notification.put("commonAnnotations", Map.of(
                "summary", "DDoS: HTTP flood on the online shop, which is unavailable"));
        notification.put("externalURL", "http://alertmanager.client-c.example:9093");
        notification.put("version", "4");
        notification.put("groupKey", "{}:{alertname=\"" + ALERT_NAME + "\", instance=\"" + instance
                + "\", src_asn=\"" + asn + "\"}");
        notification.put("truncatedAlerts", 0);
        return notification;
    }

    // Alertmanager's fingerprint is a hash of the sorted label set: the same alert keeps it across notifications.
    private static String fingerprint(Map<String, String> labels) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(labels.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
