package io.vigie.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vigie.localstack.LocalStack;
import io.vigie.localstack.LocalUsers;
import io.vigie.localstack.VigieService;

/**
 * A small, realistic world for the local stack: two clients, their assets in triage-service's inventory and their
 * contacts in notification-service's directory, so that an alert about {@code dc01.client-a.example} reaches client
 * A's people at once instead of being classified as about an unknown asset.
 *
 * <p>Loaded through the services' own HTTP APIs with the local users, as an operator would, and only with
 * create-or-replace calls (an inventory import in {@code merge} mode, {@code PUT} of each client): loading it again on
 * every start changes nothing.
 */
public final class SeedData {

    public static final String CLIENT_A = "client-a";
    public static final String CLIENT_B = "client-b";
    public static final String CLIENT_A_DOMAIN_CONTROLLER = "dc01.client-a.example";
    public static final String CLIENT_B_DATABASE = "db01.client-b.example";

    /** The assets: a body of {@code POST /api/inventory/import?mode=merge}. */
    static final String INVENTORY = inventory();

    /** The clients, by id: a body of {@code PUT /api/clients/{id}}. */
    static final Map<String, String> CLIENTS = clients();

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SeedData(LocalStack stack) {
        this.stack = stack;
    }

    /** Loads (again) the inventory and the client directory into the running stack; fails naming the refused call. */
    public static void load(LocalStack stack) {
        new SeedData(stack).load();
    }

    private void load() {
        // Inventory changes need a manager; the client directory is the communications team's.
        LocalUsers.User manager = stack.users().users().get("manager");
        LocalUsers.User comms = stack.users().users().get("comms");
        String triage = stack.service(VigieService.TRIAGE).baseUrl();
        String notification = stack.service(VigieService.NOTIFICATION).baseUrl();
        send("POST", triage + "/api/inventory/import?mode=merge", "application/yaml", INVENTORY, manager);
        CLIENTS.forEach((id, body) -> send("PUT", notification + "/api/clients/" + id, "application/json", body, comms));
    }

    private void send(String method, String url, String contentType, String body, LocalUsers.User user) {
        String credentials = Base64.getEncoder().encodeToString(
                (user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Seed data: " + method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Seed data: interrupted during " + method + " " + url, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Seed data: " + method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    // One YAML document merged into the inventory (the entries named here are replaced, the others kept), in one call:
    // all or nothing, so a refused entry never leaves half a world behind.
    private static String inventory() {
        return """
                - name: %s
                  kind: ASSET
                  criticality: HIGH
                  clients: [%s]
                  dataCategories: [PERSONAL, CREDENTIALS]
                  description: Client A's Active Directory domain controller, every employee's account and login
                - name: mail.client-a.example
                  kind: ASSET
                  criticality: HIGH
                  clients: [%s]
                  dataCategories: [PERSONAL]
                  description: Client A's Exchange server
                - name: %s
                  kind: ASSET
                  criticality: CRITICAL
                  clients: [%s]
                  dataCategories: [PERSONAL, HEALTH]
                  description: Client B's PostgreSQL server holding the patient records
                - name: patient-portal
                  kind: SERVICE
                  criticality: CRITICAL
                  clients: [%s]
                  dataCategories: [PERSONAL, HEALTH]
                  description: Client B's online patient portal (appointments, results)
                """.formatted(CLIENT_A_DOMAIN_CONTROLLER, CLIENT_A, CLIENT_A, CLIENT_B_DATABASE, CLIENT_B, CLIENT_B);
    }

    // EMAIL only: the mailbox is the channel a newcomer can watch. The phones are there for out-of-band notices (a
    // client whose email may be compromised is reached by SMS).
    private static Map<String, String> clients() {
        Map<String, String> clients = new LinkedHashMap<>();
        clients.put(CLIENT_A, """
                {"name": "Durand & Associés", "minimumSeverity": "MEDIUM", "channels": ["EMAIL"], "outOfBand": false,
                 "contacts": [
                   {"id": "jmartin", "name": "Jeanne Martin", "role": "RSSI", "email": "jeanne.martin@client-a.example",
                    "phone": "+33 6 12 34 56 78", "language": "fr"},
                   {"id": "tbaker", "name": "Tom Baker", "role": "IT manager", "email": "tom.baker@client-a.example",
                    "phone": "+44 20 7946 0321", "language": "en"}]}
                """);
        clients.put(CLIENT_B, """
                {"name": "Clinique Saint-Roch", "minimumSeverity": "HIGH", "channels": ["EMAIL"], "outOfBand": false,
                 "contacts": [
                   {"id": "plefevre", "name": "Paul Lefèvre", "role": "DPO", "email": "dpo@client-b.example",
                    "phone": "+33 4 72 00 11 22", "language": "fr"},
                   {"id": "asmith", "name": "Anna Smith", "role": "CIO", "email": "anna.smith@client-b.example",
                    "phone": "+41 22 555 01 02", "language": "en"}]}
                """);
        return Collections.unmodifiableMap(clients);
    }
}
