package io.vigie.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.ClassificationChange;
import io.vigie.events.ClientNotified;
import io.vigie.events.Topics;
import io.vigie.localstack.LocalStack;
import io.vigie.localstack.LocalUsers;
import io.vigie.localstack.VigieService;
import io.vigie.localstack.demo.SeedData;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * One fault test's traffic and what it must lead to. Each run has its own three assets (two of client A, one of
 * client B) imported into triage-service's inventory, so its alerts open exactly three incidents of its own, whatever
 * other runs left on the shared stack; a {@link SiemDriver} sends its alerts; {@link #assertEverythingAccountedFor()}
 * then waits until the pipeline has converged and checks what users see:
 *
 * <ul>
 *   <li>every alert the SIEM was told was taken (2xx) is an {@code AlertRaised} on the topic, and nothing else of
 *       this run is;</li>
 *   <li>the run's alerts are all in its three incidents: triage-service's alert counts add up to exactly the accepted
 *       alerts (a lost alert or one counted twice breaks the sum);</li>
 *   <li>each incident's {@code AlertClassified} events are in order: OPENED first, then the alert count rising;</li>
 *   <li>every contact of an affected client has exactly one email per incident and stage (INITIAL, then RESOLUTION
 *       once the analyst resolves it), and no email twice;</li>
 *   <li>case-service's case holds each classification and each notice outcome exactly once, in an intact hash
 *       chain; postmortem-service has exactly one draft per incident, counting every notice;</li>
 *   <li>no record went to a dead-letter topic.</li>
 * </ul>
 */
final class FaultRun implements AutoCloseable {

    static final Duration STEP = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> CONTACTS = Map.of(
            SeedData.CLIENT_A, List.of("jeanne.martin@client-a.example", "tom.baker@client-a.example"),
            SeedData.CLIENT_B, List.of("dpo@client-b.example", "anna.smith@client-b.example"));
    private static final List<String> INITIAL_SUBJECTS = List.of("Security incident", "Incident de sécurité");
    private static final List<String> RESOLUTION_SUBJECTS = List.of("Resolved", "Résolu");

    private final LocalStack stack;
    private final String run;
    private final List<String> hosts;
    private final SiemDriver driver;
    private final TopicReader topics;
    private final Map<VigieService, String> baseUrls = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FaultRun(LocalStack stack, String run) {
        this.stack = stack;
        this.run = run;
        this.hosts = List.of(run + "-app1.client-a.example", run + "-app2.client-a.example", run + "-app1.client-b.example");
        this.topics = new TopicReader(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl());
        // Taken while every service runs in the stack: a service replaced by a child JVM answers at the same address.
        stack.services().forEach(service -> baseUrls.put(service.service(), service.baseUrl()));
        this.driver = new SiemDriver(stack.webhookSources().splunkUrl(baseUrls.get(VigieService.ALERT_INTAKE)), run, hosts);
    }

    /** A new run on {@code stack}: its assets are in the inventory when this returns. */
    static FaultRun on(LocalStack stack, String name) {
        String run = name.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 6);
        FaultRun faultRun = new FaultRun(stack, run);
        faultRun.importAssets();
        return faultRun;
    }

    SiemDriver driver() {
        return driver;
    }

    /** The run's three hosts: alerts about each make one incident. */
    List<String> hosts() {
        return hosts;
    }

    /** Waits until the driver's alerts were all taken, the pipeline converged, and checks it lost and repeated nothing. */
    void assertEverythingAccountedFor() throws Exception {
        Laps laps = new Laps(run);
        // Every alert sent is eventually accepted: the SIEM keeps retrying what Vigie could not take.
        await().atMost(STEP.multipliedBy(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(driver.failures()).as("alerts refused for good").isEmpty();
            assertThat(driver.accepted()).hasSize(driver.planned());
        });
        Set<String> accepted = driver.accepted();
        laps.mark("all accepted");

        // Accepted alerts = AlertRaised events.
        await().atMost(STEP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(alertRaisedIds()).as("AlertRaised of this run").isEqualTo(accepted));
        laps.mark("AlertRaised = accepted");

        // = alerts in the run's incidents, each counted once.
        Map<String, List<AlertClassified>> incidents = await().atMost(STEP).pollInterval(Duration.ofSeconds(1))
                .until(() -> classificationsByIncident(accepted), byIncident -> byIncident.size() == hosts.size()
                        && alertCount(byIncident.keySet()) == accepted.size());
        assertThat(alertCount(incidents.keySet())).as("alerts in the run's incidents").isEqualTo(accepted.size());
        laps.mark("alerts in incidents");

        // Each incident's classifications in order.
        for (List<AlertClassified> events : incidents.values()) {
            assertThat(events.get(0).getChange()).isEqualTo(ClassificationChange.OPENED);
            List<Integer> counts = events.stream().map(AlertClassified::getRelatedAlertCount).toList();
            assertThat(counts).as("relatedAlertCount in partition order").isSorted().doesNotHaveDuplicates();
            assertThat(events.get(0).getNotifyClients()).as("the run's incidents are for the clients").isTrue();
        }

        // One INITIAL email per contact of each affected client and incident.
        Map<String, List<String>> contactsByIncident = contactsByIncident(incidents);
        await().atMost(STEP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertOneEmailPerContact(contactsByIncident, INITIAL_SUBJECTS));
        laps.mark("INITIAL emails");

        // The analyst resolves each incident: one RESOLUTION email per contact, one post-mortem draft per incident.
        // case-service may still be catching up (a restarted consumer): the analyst resolves the case once it shows.
        for (String incident : incidents.keySet()) {
            await().atMost(STEP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                HttpResponse<String> resolution = call("POST", VigieService.CASE, "/api/cases/" + incident + "/resolution",
                        "analyst", """
                        {"summary": "The account owner confirmed the attempts were not theirs; the source is blocked.",
                         "correctiveActions": ["Source address blocked"], "dataCompromised": false}""");
                assertThat(resolution.statusCode()).as(resolution.body()).isEqualTo(200);
            });
        }
        await().atMost(STEP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertOneEmailPerContact(contactsByIncident, RESOLUTION_SUBJECTS));
        laps.mark("resolved, RESOLUTION emails");

        // case-service and postmortem-service applied every event once, in an intact timeline.
        await().atMost(STEP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Long> notices = noticeOutcomesByIncident(incidents.keySet());
            for (Map.Entry<String, List<AlertClassified>> incident : incidents.entrySet()) {
                assertCaseTimeline(incident.getKey(), incident.getValue().size(), notices.getOrDefault(incident.getKey(), 0L));
                assertPostmortemDraft(incident.getKey());
            }
        });
        laps.mark("case timelines, post-mortems");

        // Exactly one email per contact and stage in all, and nothing given up on.
        Map<String, Long> perContactAndSubject = emailsOfRun(incidents.keySet()).stream()
                .collect(Collectors.groupingBy(email -> email, TreeMap::new, Collectors.counting()));
        assertThat(perContactAndSubject.values()).as("emails per contact and subject: %s", perContactAndSubject)
                .containsOnly(1L);
        assertThat(perContactAndSubject).hasSize(contactsByIncident.values().stream().mapToInt(List::size).sum() * 2);
        assertThat(deadLetters()).as("records on dead-letter topics").isEqualTo(Map.of());
    }

    /** The HTTP status of the service's health endpoint, or -1 when it does not answer. */
    int health(VigieService service) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(stack.service(service).healthUrl()))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        driver.close();
    }

    private void importAssets() {
        StringBuilder inventory = new StringBuilder();
        for (String host : hosts) {
            String client = host.endsWith("client-a.example") ? SeedData.CLIENT_A : SeedData.CLIENT_B;
            inventory.append("""
                    - name: %s
                      kind: ASSET
                      criticality: HIGH
                      clients: [%s]
                      dataCategories: [CREDENTIALS]
                      description: Application server of the %s fault test
                    """.formatted(host, client, run));
        }
        HttpResponse<String> response = send("POST", baseUrls.get(VigieService.TRIAGE)
                + "/api/inventory/import?mode=merge", "manager", "application/yaml", inventory.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private Set<String> alertRaisedIds() {
        Set<String> ids = new HashSet<>();
        for (AlertRaised event : topics.events(Topics.ALERT_RAISED, AlertRaised.class)) {
            if (driver.isOfThisRun(event.getSourceReference())) {
                ids.add(String.valueOf(event.getAlertId()));
            }
        }
        return ids;
    }

    /** The run's classifications by incident, each event once (a relay may publish one again), in partition order. */
    private Map<String, List<AlertClassified>> classificationsByIncident(Set<String> accepted) {
        Map<String, List<AlertClassified>> byIncident = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (AlertClassified event : topics.events(Topics.ALERT_CLASSIFIED, AlertClassified.class)) {
            if (accepted.contains(String.valueOf(event.getAlertId())) && seen.add(String.valueOf(event.getEventId()))) {
                byIncident.computeIfAbsent(String.valueOf(event.getIncidentId()), id -> new ArrayList<>()).add(event);
            }
        }
        return byIncident;
    }

    /** The alerts triage-service holds in these incidents, as its work queue API shows them. */
    private int alertCount(Set<String> incidents) {
        int count = 0;
        for (String incident : incidents) {
            JsonNode body = json(call("GET", VigieService.TRIAGE, "/api/incidents/" + incident, "viewer", null));
            count += body == null ? 0 : body.get("alertCount").asInt();
        }
        return count;
    }

    private Map<String, Long> noticeOutcomesByIncident(Set<String> incidents) {
        Set<String> seen = new HashSet<>();
        Map<String, Long> counts = new TreeMap<>();
        for (ClientNotified event : topics.events(Topics.CLIENT_NOTIFIED, ClientNotified.class)) {
            String incident = String.valueOf(event.getIncidentId());
            if (incidents.contains(incident) && seen.add(String.valueOf(event.getEventId()))) {
                counts.merge(incident, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, List<String>> contactsByIncident(Map<String, List<AlertClassified>> incidents) {
        Map<String, List<String>> contacts = new TreeMap<>();
        incidents.forEach((incident, events) -> {
            List<String> told = new ArrayList<>();
            events.get(0).getAffectedClients().forEach(client -> told.addAll(CONTACTS.get(client.getClientId())));
            contacts.put(incident, told);
        });
        return contacts;
    }

    private void assertOneEmailPerContact(Map<String, List<String>> contactsByIncident, List<String> stageSubjects)
            throws MessagingException {
        for (Map.Entry<String, List<String>> incident : contactsByIncident.entrySet()) {
            String reference = reference(incident.getKey());
            for (String contact : incident.getValue()) {
                long emails = emails().stream()
                        .filter(email -> email.to().equalsIgnoreCase(contact) && email.subject().contains(reference)
                                && stageSubjects.stream().anyMatch(email.subject()::startsWith))
                        .count();
                assertThat(emails).as("%s emails to %s about %s", stageSubjects.get(0), contact, reference).isEqualTo(1);
            }
        }
    }

    private void assertCaseTimeline(String incident, int classifications, long noticeOutcomes) {
        JsonNode timeline = json(call("GET", VigieService.CASE, "/api/cases/" + incident + "/timeline", "viewer", null));
        assertThat(timeline).as("case %s", incident).isNotNull();
        Map<String, Long> entries = new TreeMap<>();
        timeline.forEach(entry -> entries.merge(entry.get("type").asText(), 1L, Long::sum));
        assertThat(entries.get("ALERT_CLASSIFIED")).as("classifications in case %s: %s", incident, entries)
                .isEqualTo(classifications);
        assertThat(entries.get("CLIENT_NOTIFIED")).as("notice outcomes in case %s: %s", incident, entries)
                .isEqualTo(noticeOutcomes);
        assertThat(entries.get("RESOLVED")).as("resolution in case %s", incident).isEqualTo(1);
        JsonNode verification = json(call("GET", VigieService.CASE, "/api/cases/" + incident + "/timeline/verification",
                "viewer", null));
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    private void assertPostmortemDraft(String incident) {
        JsonNode draft = json(call("GET", VigieService.POSTMORTEM, "/api/incidents/" + incident + "/postmortem", "viewer", null));
        assertThat(draft).as("post-mortem of %s", incident).isNotNull();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
    }

    private Map<String, Integer> deadLetters() {
        Map<String, Integer> counts = new TreeMap<>();
        for (var topic : Topics.ALL) {
            String deadLetters = topic.deadLetterTopic();
            int count = topics.count(deadLetters);
            if (count > 0) {
                counts.put(deadLetters, count);
            }
        }
        return counts;
    }

    /** "contact | subject" of every email about one of the incidents. */
    private List<String> emailsOfRun(Set<String> incidents) throws MessagingException {
        Set<String> references = incidents.stream().map(FaultRun::reference).collect(Collectors.toSet());
        return emails().stream()
                .filter(email -> references.stream().anyMatch(email.subject()::contains))
                .map(email -> email.to().toLowerCase(Locale.ROOT) + " | " + email.subject())
                .toList();
    }

    private List<Email> emails() throws MessagingException {
        List<Email> emails = new ArrayList<>();
        for (MimeMessage message : stack.receivedMessages()) {
            for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                emails.add(new Email(((InternetAddress) recipient).getAddress(), message.getSubject()));
            }
        }
        return emails;
    }

    /** How notices name an incident in their subject: {@code Security incident 1A2B3C4D: …}. */
    private static String reference(String incident) {
        return incident.substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private HttpResponse<String> call(String method, VigieService service, String path, String user, String body) {
        return send(method, baseUrls.get(service) + path, user, "application/json", body);
    }

    private HttpResponse<String> send(String method, String url, String user, String contentType, String body) {
        LocalUsers.User caller = stack.users().users().get(user);
        String credentials = Base64.getEncoder().encodeToString(
                (caller.name() + ":" + caller.password()).getBytes(StandardCharsets.UTF_8));
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
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + url, e);
        }
    }

    /** The body of a 200 answer, or null for any other (a 404 before the thing exists). */
    private static JsonNode json(HttpResponse<String> response) {
        try {
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    private record Email(String to, String subject) {
    }

    /** Prints how long each convergence step took, so a slow run shows where its time went. */
    private static final class Laps {
        private final String run;
        private long last = System.nanoTime();

        Laps(String run) {
            this.run = run;
        }

        void mark(String step) {
            long now = System.nanoTime();
            System.out.printf("FaultRun[%s]: %s after %.1f s%n", run, step, (now - last) / 1e9);
            last = now;
        }
    }
}
