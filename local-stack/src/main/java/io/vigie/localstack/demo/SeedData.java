package io.vigie.localstack.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vigie.localstack.LocalStack;
import io.vigie.localstack.LocalUsers;
import io.vigie.localstack.VigieService;

/**
 * A small, realistic world for the local stack: three clients, one French (A), one English (B) and one German (C),
 * their assets in triage-service's inventory, a few known-threat indicators, and the clients' contacts and contract
 * settings (time zone, support line, remediation offers) in notification-service's directory, so that an alert about
 * {@code dc01.client-a.example} reaches client A's people at once, in their language, instead of being classified as
 * about an unknown asset, and the malware demo's hash and command-and-control server are recognised as known threats.
 *
 * <p>Loaded through the services' own HTTP APIs with the local users, as an operator would, and only with
 * create-or-replace calls (inventory and indicator imports in {@code merge} mode, {@code PUT} of each client): loading
 * it again on every start changes nothing.
 */
public final class SeedData {

    public static final String CLIENT_A = "client-a";
    public static final String CLIENT_B = "client-b";
    public static final String CLIENT_C = "client-c";
    public static final String CLIENT_A_DOMAIN_CONTROLLER = "dc01.client-a.example";
    /** Client A's Exchange server: where the phishing demo's Elastic Security rule sees the message delivered. */
    public static final String CLIENT_A_MAIL_SERVER = "mail.client-a.example";
    public static final String CLIENT_B_DATABASE = "db01.client-b.example";
    /** Client C's online shop: the DDoS demo's target. */
    public static final String CLIENT_C_SHOP = "shop.client-c.example";
    public static final String CLIENT_C_SHOP_SERVICE = "online-shop";
    /**
     * Client B's mail server: where the malware demo finds its sample. The clinic's email may be read by the attacker,
     * so its people are told out of band, by text message.
     */
    public static final String CLIENT_B_MAIL_SERVER = "mail01.client-b.example";

    /** SHA-256 of the malware demo's sample (a made-up loader), on the known-threat list. */
    public static final String MALWARE_SHA256 = "5f2b7c0e9a41d3c86e1b0f4a7d92c3e8b6a5f01d4c7e9b2a83f6d0c1e5b7a9d42";
    /** The loader's command-and-control server (documentation address range and reserved domain). */
    public static final String C2_DOMAIN = "update-cdn.malware-c2.example";
    public static final String C2_IP = "192.0.2.66";

    /** The assets: a body of {@code POST /api/inventory/import?mode=merge}. */
    static final String INVENTORY = inventory();

    /** The known threats: a body of {@code POST /api/indicators/import?mode=merge}. */
    static final String INDICATORS = indicators();

    /** The clients, by id: a body of {@code PUT /api/clients/{id}}. */
    static final Map<String, String> CLIENTS = clients();

    private final LocalStack stack;
    private final DemoHttp http = new DemoHttp("Seed data");

    private SeedData(LocalStack stack) {
        this.stack = stack;
    }

    /**
     * Loads (again) the inventory, the known threats and the client directory into the running stack; fails naming
     * the refused call.
     */
    public static void load(LocalStack stack) {
        new SeedData(stack).load();
    }

    private void load() {
        // Inventory changes need a manager; the client directory is the communications team's.
        LocalUsers.User manager = stack.users().users().get("manager");
        LocalUsers.User comms = stack.users().users().get("comms");
        String triage = stack.service(VigieService.TRIAGE).baseUrl();
        String notification = stack.service(VigieService.NOTIFICATION).baseUrl();
        http.call("POST", triage + "/api/inventory/import?mode=merge", "application/yaml", INVENTORY, manager);
        http.call("POST", triage + "/api/indicators/import?mode=merge", "application/yaml", INDICATORS, manager);
        // Client C's ticketing system is the local ticket sink on the mailbox page.
        CLIENTS.forEach((id, body) -> http.call("PUT", notification + "/api/clients/" + id, "application/json",
                body.replace("{mailbox}", stack.mailboxUrl()), comms));
        // What the law asks of client B (GDPR controller, NIS2 essential entity) is a manager's setting.
        http.call("PUT", stack.service(VigieService.REGULATORY).baseUrl() + "/api/clients/" + CLIENT_B + "/regimes",
                "application/json", RegulatoryDemo.CLIENT_B_REGIMES, manager);
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
                - name: %s
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
                - name: %s
                  kind: ASSET
                  criticality: CRITICAL
                  clients: [%s]
                  dataCategories: []
                  description: Client C's online shop (its customers' orders and accounts)
                - name: %s
                  kind: SERVICE
                  criticality: CRITICAL
                  clients: [%s]
                  dataCategories: []
                  description: Client C's online shop, as its monitoring names the service
                - name: %s
                  kind: ASSET
                  criticality: HIGH
                  clients: [%s]
                  dataCategories: [CREDENTIALS]
                  description: Client B's Exchange server (every mailbox of the clinic's staff; no patient records)
                """.formatted(CLIENT_A_DOMAIN_CONTROLLER, CLIENT_A, CLIENT_A_MAIL_SERVER, CLIENT_A, CLIENT_B_DATABASE,
                CLIENT_B, CLIENT_B, CLIENT_C_SHOP, CLIENT_C, CLIENT_C_SHOP_SERVICE, CLIENT_C, CLIENT_B_MAIL_SERVER,
                CLIENT_B);
    }

    // The address and domain are from the ranges reserved for documentation (RFC 5737, RFC 2606), so the seed can
    // never make a real host look malicious. Only the malware scenario may hit the list: no other demo, system test or
    // benchmark that loads this seed uses these values (they use 198.51.100.0/24 and 203.0.113.0/24), so their
    // severities stay what they assert.
    private static String indicators() {
        return """
                - type: FILE_HASH
                  value: %s
                  description: SHA-256 of a loader dropping a remote-access trojan (threat-intelligence feed, demo)
                - type: DOMAIN
                  value: %s
                  description: Command-and-control domain of that loader
                - type: IP
                  value: %s
                  description: Command-and-control server of that loader
                - type: CVE
                  value: CVE-2024-3400
                  description: PAN-OS GlobalProtect command injection, exploited in the wild
                """.formatted(MALWARE_SHA256, C2_DOMAIN, C2_IP);
    }

    // EMAIL first: the mailbox is the channel a newcomer can watch. The phones are there for out-of-band notices (a
    // client whose email may be compromised is reached by SMS) and for client B, whose CRITICAL notices go by email
    // and SMS together (the SMS land in the local sink, on the mailbox page), and client C, whose ticketing system (the
    // mailbox page's ticket sink) gets every notice as a ticket. Each client reads its own language; client A's IT
    // manager reads English. The contracts give the support line and the offers a data breach notice makes.
    private static Map<String, String> clients() {
        Map<String, String> clients = new LinkedHashMap<>();
        clients.put(CLIENT_A, """
                {"name": "Durand & Associés", "minimumSeverity": "MEDIUM", "channels": ["EMAIL"], "outOfBand": false,
                 "timeZone": "Europe/Paris",
                 "contract": {"supportLine": "+33 1 70 00 12 34", "supportHours": "MON-FRI 08:00-20:00",
                              "offers": ["PASSWORD_RESET", "SECURITY_FEATURES", "SUPPORT_LINE"]},
                 "reviewGate": [{"severities": ["CRITICAL"], "categories": ["DATA_BREACH"], "hold": "15m"}],
                 "contacts": [
                   {"id": "jmartin", "name": "Jeanne Martin", "role": "RSSI", "email": "jeanne.martin@client-a.example",
                    "phone": "+33 6 12 34 56 78", "language": "fr"},
                   {"id": "tbaker", "name": "Tom Baker", "role": "IT manager", "email": "tom.baker@client-a.example",
                    "phone": "+44 20 7946 0321", "language": "en", "timeZone": "Europe/London"}]}
                """);
        clients.put(CLIENT_B, """
                {"name": "St Roch Clinic", "minimumSeverity": "HIGH", "channels": ["EMAIL", "SMS"], "outOfBand": false,
                 "timeZone": "Europe/London", "channelsBySeverity": {"CRITICAL": ["EMAIL", "SMS"]},
                 "contract": {"supportLine": "+44 20 7946 0000", "supportHours": "MON-SUN 07:00-22:00",
                              "offers": ["PASSWORD_RESET", "SECURITY_FEATURES", "IDENTITY_MONITORING", "SUPPORT_LINE"],
                              "updateEvery": {"CRITICAL": "1h"}},
                 "contacts": [
                   {"id": "plewis", "name": "Paul Lewis", "role": "DPO", "email": "dpo@client-b.example",
                    "phone": "+44 20 7946 0188", "language": "en"},
                   {"id": "asmith", "name": "Anna Smith", "role": "CIO", "email": "anna.smith@client-b.example",
                    "phone": "+44 20 7946 0102", "language": "en"}]}
                """);
        clients.put(CLIENT_C, """
                {"name": "Brenner Logistik GmbH", "minimumSeverity": "MEDIUM", "channels": ["EMAIL", "WEBHOOK"],
                 "outOfBand": false, "webhookUrl": "{mailbox}/tickets/client-c",
                 "webhookSecret": "local-ticket-sink-secret-of-client-c",
                 "timeZone": "Europe/Berlin",
                 "contract": {"supportLine": "+49 30 901820", "supportHours": "MON-FRI 07:00-19:00",
                              "offers": ["PASSWORD_RESET", "SUPPORT_LINE"]},
                 "contacts": [
                   {"id": "kvogel", "name": "Katrin Vogel", "role": "Informationssicherheitsbeauftragte",
                    "email": "katrin.vogel@client-c.example", "phone": "+49 151 23456789", "language": "de"},
                   {"id": "mbrenner", "name": "Markus Brenner", "role": "Geschäftsführer",
                    "email": "markus.brenner@client-c.example", "phone": "+49 171 9876543", "language": "de"}]}
                """);
        return Collections.unmodifiableMap(clients);
    }
}
