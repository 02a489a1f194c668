package io.vigie.load.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's world: {@code clients} clients of two email contacts each (one French, one English), one inventoried
 * asset per incident the run will open, and the alerts about them.
 *
 * <p>Steady load: incident {@code k} is about asset {@code srv-<k>.bench-<client>.example} of client {@code k mod
 * clients}, and gets {@code alertsPerIncident} generic-API alerts in a row, each with its own reference and
 * fingerprint so intake publishes every one; triage correlates them by asset and category into one incident, and the
 * client's two contacts get one INITIAL email. The incidents cycle through three runbook cases of the default policy
 * (locked account, DDoS, malware), all HIGH and notified. Warm-up incidents use {@code warm-<k>...} assets, so the
 * figures leave them out.
 *
 * <p>Storm: every alert is about one asset, {@value #STORM_ASSET}, a load balancer shared by the first two clients
 * (four contacts), sent as Alertmanager notifications: a DDoS seen per endpoint, each alert with its own fingerprint.
 */
final class BenchWorld {

    static final String STORM_ASSET = "edge-lb.bench-storm.example";
    static final int CONTACTS_PER_CLIENT = 2;
    static final int STORM_CLIENTS = 2;
    private static final Pattern INCIDENT_ASSET = Pattern.compile("^(srv|warm)-(\\d+)\\.bench-\\d+\\.example$");
    private static final String[] SCENARIOS = {"account", "ddos", "malware"};

    private final String runId;
    private final int clients;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BenchWorld(String runId, int clients) {
        if (clients < STORM_CLIENTS) {
            throw new IllegalArgumentException("At least " + STORM_CLIENTS + " clients");
        }
        this.runId = runId;
        this.clients = clients;
    }

    String clientId(int client) {
        return String.format(Locale.ROOT, "bench-%02d", client);
    }

    int clientOf(int incident) {
        return incident % clients;
    }

    String asset(int incident, boolean warmUp) {
        return String.format(Locale.ROOT, "%s-%06d.bench-%02d.example", warmUp ? "warm" : "srv", incident, clientOf(incident));
    }

    /** The measured incident an asset stands for, -1 for a warm-up one, null for an asset that is not an incident's. */
    static Integer incidentOf(String asset) {
        Matcher matcher = INCIDENT_ASSET.matcher(asset == null ? "" : asset.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return null;
        }
        return matcher.group(1).equals("warm") ? -1 : Integer.parseInt(matcher.group(2));
    }

    /** Loads the clients into notification-service and the assets into triage-service, through their APIs. */
    void seed(StackHandle stack, int incidents, int warmUpIncidents, boolean storm) {
        StringBuilder directory = new StringBuilder("[");
        for (int client = 0; client < clients; client++) {
            if (client > 0) {
                directory.append(',');
            }
            String id = clientId(client);
            directory.append("""
                    {"id": "%1$s", "name": "Bench client %2$d", "minimumSeverity": "MEDIUM", "channels": ["EMAIL"],
                     "outOfBand": false, "contacts": [
                       {"id": "rssi", "name": "Camille Bernard", "role": "RSSI", "email": "rssi@%1$s.example", "language": "fr"},
                       {"id": "it", "name": "Alex Taylor", "role": "IT manager", "email": "it@%1$s.example", "language": "en"}]}"""
                    .formatted(id, client));
        }
        directory.append(']');
        send(stack, "comms", "POST", stack.serviceUrl("notification") + "/api/clients/import", "application/json",
                directory.toString());

        StringBuilder inventory = new StringBuilder("name,kind,criticality,clients,dataCategories,description\n");
        for (int incident = 0; incident < incidents; incident++) {
            inventory.append(asset(incident, false)).append(",ASSET,MEDIUM,").append(clientId(clientOf(incident)))
                    .append(",,bench server\n");
        }
        for (int incident = 0; incident < warmUpIncidents; incident++) {
            inventory.append(asset(incident, true)).append(",ASSET,MEDIUM,").append(clientId(clientOf(incident)))
                    .append(",,bench warm-up server\n");
        }
        if (storm) {
            inventory.append(STORM_ASSET).append(",ASSET,HIGH,").append(clientId(0)).append(';').append(clientId(1))
                    .append(",,shared edge load balancer\n");
        }
        send(stack, "manager", "POST", stack.serviceUrl("triage") + "/api/inventory/import?mode=merge", "text/csv",
                inventory.toString());
    }

    /** One generic-API alert: the {@code position}-th of its incident. */
    String genericAlert(int incident, int position, boolean warmUp, Instant detectedAt) {
        String asset = asset(incident, warmUp);
        String reference = runId + (warmUp ? "-w" : "-") + incident + "-" + position;
        String scenario = SCENARIOS[incident % SCENARIOS.length];
        String title = switch (scenario) {
            case "account" -> "Account locked out after 27 failed logins on " + asset;
            case "ddos" -> "HTTP flood (DDoS) against the portal on " + asset;
            default -> "Malware detected: trojan dropped by an Office macro on " + asset;
        };
        String tag = switch (scenario) {
            case "account" -> "authentication_failures";
            case "ddos" -> "ddos";
            default -> "malware";
        };
        return """
                {"reference": "%s", "title": "%s (alert %d)",
                 "description": "Bench alert %d of incident %d: correlated by the SIEM from the host and network logs.",
                 "severity": "high", "detectedAt": "%s", "asset": "%s", "client": "%s",
                 "accounts": ["j.martin"], "ipAddresses": ["198.51.100.%d"], "tags": ["%s"],
                 "attributes": {"bench.run": "%s"}, "fingerprint": "%s"}"""
                .formatted(reference, title, position + 1, position + 1, incident, detectedAt, asset,
                        clientId(clientOf(incident)), 1 + incident % 250, tag, runId, reference);
    }

    /** One Alertmanager notification of {@code count} storm alerts, numbered from {@code first}. */
    String stormNotification(int batch, int first, int count, Instant startsAt) {
        StringBuilder alerts = new StringBuilder();
        for (int i = first; i < first + count; i++) {
            if (i > first) {
                alerts.append(',');
            }
            alerts.append("""
                    {"status": "firing", "labels": {"alertname": "HttpFloodDetected", "instance": "%1$s:443",
                     "job": "edge", "severity": "critical", "endpoint": "/api/v1/items/%2$d"},
                     "annotations": {"summary": "HTTP flood (DDoS) on the edge load balancer",
                                     "description": "Requests to /api/v1/items/%2$d above 5,000/s from 1,200 addresses"},
                     "startsAt": "%3$s", "endsAt": "0001-01-01T00:00:00Z",
                     "generatorURL": "http://prometheus.bench.example:9090/graph", "fingerprint": "%4$s-%2$d"}"""
                    .formatted(STORM_ASSET, i, startsAt, runId));
        }
        return """
                {"receiver": "vigie", "status": "firing", "alerts": [%s],
                 "groupLabels": {"alertname": "HttpFloodDetected"}, "commonLabels": {"alertname": "HttpFloodDetected"},
                 "commonAnnotations": {}, "externalURL": "http://alertmanager.bench.example:9093", "version": "4",
                 "groupKey": "{}:{alertname=\\"HttpFloodDetected\\", batch=\\"%s-%d\\"}", "truncatedAlerts": 0}"""
                .formatted(alerts, runId, batch);
    }

    private void send(StackHandle stack, String user, String method, String url, String contentType, String body) {
        String credentials = Base64.getEncoder().encodeToString(
                (user + ":" + stack.password(user)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Seeding: " + method + " " + url + " answered " + response.statusCode()
                        + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Seeding: " + method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Seeding interrupted", e);
        }
    }

    List<String> contactsOf(int client) {
        return List.of("rssi@" + clientId(client) + ".example", "it@" + clientId(client) + ".example");
    }
}
