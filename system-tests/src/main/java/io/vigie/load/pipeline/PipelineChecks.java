package io.vigie.load.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.Topics;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a run that broke something left behind, looked for in every stage: every acknowledged alert in intake and raised
 * once, every alert raised in one incident, triage's and case-service's view of each incident, each contact told once,
 * nothing dead-lettered. Shared by {@link CrashRun} (the stack killed whole) and {@link ScaleRun} (one of two instances
 * of each service killed); each check becomes a line of the run's report ({@link Tally}).
 *
 * <p>A storm's alerts (Alertmanager, about {@link BenchWorld#STORM_ASSET}) are counted apart: triage publishes an
 * {@code AlertClassified} only for the first alerts of an incident ({@code publish-all-up-to}), so the storm's incident is
 * checked through triage's alert count and its case's timeline rather than alert by alert.
 */
final class PipelineChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int EXAMPLES = 5;

    /**
     * Where the checks' outcome goes: each check with what broke it (none when it held), and the counts. A run's report
     * extends it with what the run itself measured.
     */
    abstract static class Tally {
        private final Map<String, List<String>> checks = new LinkedHashMap<>();
        int accepted;
        int raised;
        int incidents;
        int notices;
        int resent;

        void check(String what, List<String> failures) {
            checks.put(what, List.copyOf(failures));
        }

        void counts(int accepted, int raised, int incidents, int notices, int resent) {
            this.accepted = accepted;
            this.raised = raised;
            this.incidents = incidents;
            this.notices = notices;
            this.resent = resent;
        }

        /** Every check that failed, with its first few cases. */
        List<String> checkFailures() {
            return PipelineChecks.failures(checks);
        }

        /** Each check as a report line. */
        void appendChecks(StringBuilder out) {
            PipelineChecks.appendChecks(out, checks);
        }
    }

    /** The SMTP server a run's stack sends to: in the driver's JVM, so it outlives a killed stack or instance. */
    static GreenMail startMailbox() {
        GreenMail mailbox = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mailbox.start();
        return mailbox;
    }

    /**
     * notification-service's arguments for a run that kills: its mail to {@code mailbox}, and a delivery a killed process
     * left half-sent taken back after its lease, 20 s instead of 5 min, as in the fault tests.
     */
    static List<String> notificationArguments(GreenMail mailbox) {
        return List.of(
                "notification:--spring.mail.host=127.0.0.1",
                "notification:--spring.mail.port=" + mailbox.getSmtp().getPort(),
                "notification:--vigie.notification.delivery.lease=20s",
                "notification:--vigie.notification.delivery.initial-back-off=2s");
    }

    private final String runId;
    private final Duration drainTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PipelineChecks(String runId, Duration drainTimeout) {
        this.runId = runId;
        this.drainTimeout = drainTimeout;
    }

    /** Each check as a report line, {@code ok} or {@code FAILED} with its first few cases. */
    static void appendChecks(StringBuilder out, Map<String, List<String>> checks) {
        checks.forEach((what, cases) -> out.append(cases.isEmpty() ? "  ok      " : "  FAILED  ").append(what)
                .append(cases.isEmpty() ? "" : ": " + cases.size() + ", e.g. "
                        + cases.subList(0, Math.min(EXAMPLES, cases.size())))
                .append('\n'));
    }

    /** Every check that failed, with its first few cases. */
    static List<String> failures(Map<String, List<String>> checks) {
        List<String> failures = new ArrayList<>();
        checks.forEach((what, cases) -> {
            if (!cases.isEmpty()) {
                failures.add(what + ": " + cases.size() + " failed, e.g. " + cases.subList(0, Math.min(EXAMPLES, cases.size())));
            }
        });
        return failures;
    }

    /** What the topics and the mailbox hold of this run once it settled. */
    static final class Books {
        final Map<String, List<AlertRaised>> raised = new LinkedHashMap<>();
        final Map<String, List<AlertRaised>> stormRaised = new LinkedHashMap<>();
        final Set<String> stormAssets = new TreeSet<>();
        final Map<String, Map<String, AlertClassified>> classifications = new LinkedHashMap<>();
        final Map<String, List<ClientNotified>> sent = new LinkedHashMap<>();
        final Map<String, Set<String>> messageIds = new TreeMap<>();
        final Map<String, Integer> messages = new TreeMap<>();
        final Map<String, Set<String>> incidentsOfAsset = new TreeMap<>();
        Map<String, Long> deadLetters = Map.of();
        boolean complete;

        /** Each contact's INITIAL of each incident, and every email the mailbox holds, recorded as sent. */
        Set<String> missing(BenchWorld world) {
            Set<String> missing = new HashSet<>();
            Set<String> initial = new HashSet<>();
            sent.values().forEach(events -> events.stream()
                    .filter(event -> event.getStage().name().equals("INITIAL"))
                    .forEach(event -> initial.add(event.getIncidentId() + " " + event.getContactId())));
            incidentsOfAsset.forEach((asset, incidents) -> {
                Integer index = BenchWorld.incidentOf(asset);
                List<String> addresses = new ArrayList<>();
                if (index != null) {
                    addresses.addAll(world.contactsOf(world.clientOf(index)));
                } else if (stormAssets.contains(asset)) {
                    for (int client = 0; client < BenchWorld.STORM_CLIENTS; client++) {
                        addresses.addAll(world.contactsOf(client));
                    }
                }
                for (String incident : incidents) {
                    for (String address : addresses) {
                        String contact = contactOf(address);
                        if (!initial.contains(incident + " " + contact)) {
                            missing.add("INITIAL of " + incident + " to " + contact + " not recorded as sent");
                        }
                    }
                }
            });
            Set<String> recorded = new HashSet<>(sent.keySet());
            messageIds.keySet().stream().filter(key -> !recorded.contains(key))
                    .forEach(key -> missing.add("email " + key + " in the mailbox, not recorded as sent"));
            sent.keySet().stream().filter(key -> !messageIds.containsKey(key))
                    .forEach(key -> missing.add("notice " + key + " recorded as sent, not in the mailbox"));
            return missing;
        }
    }

    /**
     * Waits until every consumer group has caught up, every incident's contacts were told and every email in the
     * mailbox is recorded as sent (a delivery the crash left half-sent is resent after its lease, then recorded), or the
     * drain timeout.
     */
    Books awaitBooks(StackHandle stack, GreenMail mailbox, BenchWorld world) throws MessagingException {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        TopicReader topics = new TopicReader(stack.property("kafka.bootstrap"), stack.property("registry.url"));
        try (LagMonitor lag = new LagMonitor(stack.property("kafka.bootstrap"))) {
            while (true) {
                boolean caughtUp = lag.sample().total() == 0;
                Books books = read(topics, mailbox, lag);
                if (caughtUp && !books.incidentsOfAsset.isEmpty() && books.missing(world).isEmpty()) {
                    books.complete = true;
                    return books;
                }
                if (System.nanoTime() > deadline) {
                    return books;
                }
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            }
        }
    }

    private Books read(TopicReader topics, GreenMail mailbox, LagMonitor lag) throws MessagingException {
        Books books = new Books();
        Map<String, String> assetOfAlert = new HashMap<>();
        for (AlertRaised event : topics.readAll(Topics.ALERT_RAISED, AlertRaised.class, event -> event)) {
            String reference = event.getSourceReference() == null ? "" : event.getSourceReference();
            String alertId = String.valueOf(event.getAlertId());
            if (reference.startsWith(runId + "-")) {
                books.raised.computeIfAbsent(alertId, id -> new ArrayList<>()).add(event);
                assetOfAlert.put(alertId, event.getAsset());
            } else if (reference.contains("/" + runId + "-")) {
                // An Alertmanager alert's reference is its group key, then its fingerprint: the storm's are the run's.
                books.stormRaised.computeIfAbsent(alertId, id -> new ArrayList<>()).add(event);
                books.stormAssets.add(event.getAsset());
                assetOfAlert.put(alertId, event.getAsset());
            }
        }
        Set<String> incidents = new HashSet<>();
        for (AlertClassified event : topics.readAll(Topics.ALERT_CLASSIFIED, AlertClassified.class, event -> event)) {
            String alertId = String.valueOf(event.getAlertId());
            if (assetOfAlert.containsKey(alertId)) {
                // Keyed by event id: a relay publishing an event again after a crash is not a second classification.
                books.classifications.computeIfAbsent(alertId, id -> new LinkedHashMap<>())
                        .put(String.valueOf(event.getEventId()), event);
                String incident = String.valueOf(event.getIncidentId());
                incidents.add(incident);
                books.incidentsOfAsset.computeIfAbsent(assetOfAlert.get(alertId), asset -> new TreeSet<>()).add(incident);
            }
        }
        Set<String> seenEvents = new HashSet<>();
        for (ClientNotified event : topics.readAll(Topics.CLIENT_NOTIFIED, ClientNotified.class, event -> event)) {
            if (incidents.contains(String.valueOf(event.getIncidentId())) && event.getOutcome() == DeliveryOutcome.SENT
                    && seenEvents.add(String.valueOf(event.getEventId()))) {
                // The event masks the address; the contact id is the address's local part in the bench's directory.
                books.sent.computeIfAbsent(event.getNoticeId() + " " + event.getContactId(), key -> new ArrayList<>()).add(event);
            }
        }
        Set<String> notices = new HashSet<>();
        books.sent.values().forEach(events -> events.forEach(event -> notices.add(String.valueOf(event.getNoticeId()))));
        for (MimeMessage message : mailbox.getReceivedMessages()) {
            String notice = message.getHeader("X-Vigie-Notice-Id", null);
            if (notice == null || !notices.contains(notice) && !isOfRun(message)) {
                continue;
            }
            for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                String key = notice + " " + contactOf(((InternetAddress) recipient).getAddress());
                books.messageIds.computeIfAbsent(key, k -> new HashSet<>()).add(message.getMessageID());
                books.messages.merge(key, 1, Integer::sum);
            }
        }
        books.deadLetters = lag.deadLetters();
        return books;
    }

    /** A bench contact's id, from its address: {@code rssi@bench-03.example} is contact {@code rssi}. */
    private static String contactOf(String address) {
        return address.substring(0, address.indexOf('@'));
    }

    /** An email to one of the run's bench contacts (they are the run's own: every bench client is). */
    private static boolean isOfRun(MimeMessage message) throws MessagingException {
        for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
            if (((InternetAddress) recipient).getAddress().matches("(rssi|it)@bench-\\d+\\.example")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks the books against what intake acknowledged: {@code accepted}, the single alerts' ids, and
     * {@code stormAcknowledged}, the alerts of the storm's notifications answered 2xx (0 without a storm).
     */
    void check(Tally report, StackHandle stack, Books books, Set<String> accepted, int stormAcknowledged, BenchWorld world) {

        List<String> noEvidence = problems(accepted, alertId ->
                get(stack, "intake", "/api/v1/evidence/" + alertId).statusCode() == 200 ? null : alertId);
        List<String> notRaised = accepted.stream().filter(alertId -> !books.raised.containsKey(alertId)).toList();
        report.check("every acknowledged alert's evidence is in intake", noEvidence);
        report.check("every acknowledged alert is one AlertRaised", notRaised);
        List<String> raisedTwice = new ArrayList<>();
        books.raised.forEach((alertId, events) -> {
            if (events.stream().map(event -> String.valueOf(event.getEventId())).distinct().count() > 1) {
                raisedTwice.add(alertId + " (" + events.size() + " events)");
            }
        });
        report.check("no alert raised twice", raisedTwice);

        List<String> unclassified = new ArrayList<>();
        List<String> inTwoIncidents = new ArrayList<>();
        Map<String, Integer> alertsPerIncident = new TreeMap<>();
        Map<String, Integer> classificationsPerIncident = new TreeMap<>();
        for (String alertId : books.raised.keySet()) {
            Map<String, AlertClassified> events = books.classifications.getOrDefault(alertId, Map.of());
            Set<String> incidents = new HashSet<>();
            events.values().forEach(event -> incidents.add(String.valueOf(event.getIncidentId())));
            if (incidents.isEmpty()) {
                unclassified.add(alertId);
            } else if (incidents.size() > 1) {
                inTwoIncidents.add(alertId + " in " + incidents);
            } else {
                String incident = incidents.iterator().next();
                alertsPerIncident.merge(incident, 1, Integer::sum);
                classificationsPerIncident.merge(incident, events.size(), Integer::sum);
            }
        }
        report.check("every alert raised is classified", unclassified);
        report.check("no alert in two incidents", inTwoIncidents);
        List<String> split = new ArrayList<>();
        books.incidentsOfAsset.forEach((asset, incidents) -> {
            if (incidents.size() > 1) {
                split.add(asset + " in " + incidents);
            }
        });
        report.check("each asset's alerts in one incident", split);
        if (stormAcknowledged > 0) {
            checkStorm(report, books, stormAcknowledged, alertsPerIncident, classificationsPerIncident);
        }
        int incidents = alertsPerIncident.size();

        List<String> wrongCounts = problems(alertsPerIncident.keySet(), id -> {
            JsonNode triage = json(get(stack, "triage", "/api/incidents/" + id));
            int held = triage == null ? -1 : triage.get("alertCount").asInt();
            return held == alertsPerIncident.get(id) ? null
                    : id + ": triage holds " + held + ", " + alertsPerIncident.get(id) + " raised";
        });
        List<String> caseProblems = problems(alertsPerIncident.keySet(), id -> {
            JsonNode timeline = json(get(stack, "case", "/api/cases/" + id + "/timeline"));
            if (timeline == null) {
                return id + ": no case";
            }
            int classified = 0;
            for (JsonNode entry : timeline) {
                classified += entry.get("type").asText().equals("ALERT_CLASSIFIED") ? 1 : 0;
            }
            if (classified != classificationsPerIncident.get(id)) {
                return id + ": " + classified + " classifications on the timeline, " + classificationsPerIncident.get(id)
                        + " published";
            }
            JsonNode verification = json(get(stack, "case", "/api/cases/" + id + "/timeline/verification"));
            return verification != null && verification.get("intact").asBoolean() ? null
                    : id + ": hash chain " + (verification == null ? "not verified" : verification);
        });
        report.check("triage's alert count of each incident is its alerts", wrongCounts);
        report.check("each incident's case holds each classification once, its timeline intact", caseProblems);

        report.check("every contact told once per notice, every notice sent in the mailbox", List.copyOf(books.missing(world)));
        List<String> doubled = new ArrayList<>();
        books.messageIds.forEach((key, ids) -> {
            if (ids.size() > 1) {
                doubled.add(key + ": " + ids.size() + " different emails");
            }
        });
        books.sent.forEach((key, events) -> {
            if (events.size() > 1) {
                doubled.add(key + ": recorded as sent " + events.size() + " times");
            }
        });
        report.check("no notice reached a contact as two emails", doubled);
        report.counts(accepted.size() + stormAcknowledged, books.raised.size() + books.stormRaised.size(), incidents,
                books.messageIds.size(), books.messages.values().stream().mapToInt(count -> count - 1).sum());
        report.check("nothing on a dead-letter topic", books.deadLetters.entrySet().stream()
                .filter(entry -> entry.getValue() > 0).map(entry -> entry.getKey() + ": " + entry.getValue()).toList());
        if (!books.complete) {
            report.check("the pipeline drained within " + drainTimeout.toSeconds() + " s", List.of("it did not"));
        }
    }

    /**
     * The storm: every alert intake acknowledged raised once, all in one incident; that incident then goes through the
     * same triage and case checks as the others, with every storm alert counted and the published classifications.
     */
    private static void checkStorm(Tally report, Books books, int acknowledged, Map<String, Integer> alertsPerIncident,
                                   Map<String, Integer> classificationsPerIncident) {
        List<String> raisedTwice = new ArrayList<>();
        books.stormRaised.forEach((alertId, events) -> {
            if (events.stream().map(event -> String.valueOf(event.getEventId())).distinct().count() > 1) {
                raisedTwice.add(alertId + " (" + events.size() + " events)");
            }
        });
        report.check("every acknowledged storm alert is one AlertRaised (" + acknowledged + " acknowledged, "
                + books.stormRaised.size() + " raised)", books.stormRaised.size() >= acknowledged ? raisedTwice
                : concat(raisedTwice, List.of((acknowledged - books.stormRaised.size()) + " not raised")));
        Set<String> incidents = new TreeSet<>();
        int classifications = 0;
        for (String alertId : books.stormRaised.keySet()) {
            Map<String, AlertClassified> events = books.classifications.getOrDefault(alertId, Map.of());
            events.values().forEach(event -> incidents.add(String.valueOf(event.getIncidentId())));
            classifications += events.size();
        }
        report.check("the storm's alerts in one incident", incidents.size() == 1 ? List.of()
                : List.of(incidents.size() + " incidents: " + incidents));
        if (incidents.size() == 1) {
            String incident = incidents.iterator().next();
            alertsPerIncident.put(incident, books.stormRaised.size());
            classificationsPerIncident.put(incident, classifications);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /**
     * The problem {@code check} finds with each item (null for none), asked a few at a time: one request at a time, the
     * checks of a larger run took minutes of round trips.
     */
    private static List<String> problems(Collection<String> items, Function<String, String> check) {
        ExecutorService checkers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String item : items) {
                results.add(checkers.submit(() -> check.apply(item)));
            }
            List<String> problems = new ArrayList<>();
            for (Future<String> result : results) {
                String problem = result.get();
                if (problem != null) {
                    problems.add(problem);
                }
            }
            return problems;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A check failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            checkers.shutdownNow();
        }
    }

    private HttpResponse<String> get(StackHandle stack, String service, String path) {
        String credentials = Base64.getEncoder().encodeToString(
                ("viewer:" + stack.password("viewer")).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.serviceUrl(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json")
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " of " + service + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during GET " + path, e);
        }
    }

    /** The body of a 200 answer, or null for any other (a 404 for what does not exist). */
    private static JsonNode json(HttpResponse<String> response) {
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }
}
