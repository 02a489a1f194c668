package io.vigie.load.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.Topics;
import io.vigie.localstack.LocalWebhookSources;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole stack killed under load and started again on its own data, then every alert it acknowledged looked for in
 * every stage. The stack runs in a child JVM ({@link StackHandle}) on H2 files, as {@code ./local-stack.sh} runs it, or
 * on PostgreSQL when the environment names databases; its emails go to an SMTP server of this JVM, which outlives the
 * crash, so a notice missing or sent twice across it shows.
 *
 * <p>Generic-API alerts at a fixed rate, {@code alertsPerIncident} in a row about one inventoried asset (one incident,
 * its client's two contacts told); after {@code secondsBeforeKill} the stack gets SIGKILL while requests are in flight;
 * the load goes on for a second against the dead stack (those requests get no answer, as a SIEM's would); the stack is
 * started again on the same directory, takes {@code secondsAfterRestart} more of the same load, and the pipeline is left
 * to drain. Then the checks, each a line of the {@link CrashReport}:
 * <ul>
 *   <li>every acknowledged (2xx) alert has its evidence in intake, and exactly one {@code AlertRaised};</li>
 *   <li>every alert raised is in exactly one incident, each asset in one incident, and triage-service's alert count of
 *       each incident is exactly its alerts;</li>
 *   <li>case-service has every incident's case, with each classification once in an intact hash chain;</li>
 *   <li>each contact of each incident's client got its INITIAL notice, every notice recorded as sent is in the mailbox,
 *       and no notice reached a contact as two different emails;</li>
 *   <li>nothing went to a dead-letter topic, and the stack stops cleanly on SIGTERM after the restart.</li>
 * </ul>
 * A notice whose email was accepted just before the kill, but not yet recorded as sent, is sent again once its lease
 * runs out, with the same Message-ID (notification-service's README): the report counts those apart, as resent, not as
 * doubled.
 */
final class CrashRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CONNECTIONS = 16;

    /** How big the run is, and where the stack keeps its data ({@code environment}: {@code VIGIE_<NAME>_DB_URL}, …). */
    record Settings(int rate, int secondsBeforeKill, int secondsAfterRestart, int alertsPerIncident, int clients,
                    String stackHeap, Map<String, String> environment, Duration drainTimeout) {

        Settings {
            environment = Map.copyOf(environment);
        }

        int alertsBeforeKill() {
            // One more second of load than the stack lives: the kill lands while requests are in flight.
            return rate * (secondsBeforeKill + 1);
        }

        /** Where the second phase's alerts start, on an incident boundary, so no incident spans the crash by design. */
        int firstAlertAfterRestart() {
            return LoadOptions.ceilDiv(alertsBeforeKill(), alertsPerIncident) * alertsPerIncident;
        }

        int alertsAfterRestart() {
            return rate * secondsAfterRestart;
        }

        int incidents() {
            return LoadOptions.ceilDiv(firstAlertAfterRestart() + alertsAfterRestart(), alertsPerIncident);
        }
    }

    private final Settings settings;
    private final String runId;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CrashRun(Settings settings, String runId, Consumer<String> progress) {
        this.settings = settings;
        this.runId = runId;
        this.progress = progress;
    }

    /** Runs it all in {@code work} (the stack's directory, kept across the crash) and reports what it found. */
    CrashReport run(Path work) throws Exception {
        GreenMail mailbox = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mailbox.start();
        try {
            return run(work, mailbox);
        } finally {
            mailbox.stop();
        }
    }

    private CrashReport run(Path work, GreenMail mailbox) throws Exception {
        CrashReport report = new CrashReport(runId, settings);
        List<String> serviceArguments = List.of(
                "notification:--spring.mail.host=127.0.0.1",
                "notification:--spring.mail.port=" + mailbox.getSmtp().getPort(),
                // A delivery the kill left half-sent is taken back after its lease: 20 s instead of 5 min, the same
                // behaviour on a shorter clock, as in the fault tests.
                "notification:--vigie.notification.delivery.lease=20s",
                "notification:--vigie.notification.delivery.initial-back-off=2s");
        Map<Integer, WebhookLoad.Answer> answers = new ConcurrentHashMap<>();
        BenchWorld world = new BenchWorld(runId, settings.clients());
        WebhookLoad load = new WebhookLoad(CONNECTIONS);

        progress.accept("starting the stack in a child JVM (" + work + ")…");
        StackHandle stack = StackHandle.start(work, jvmOptions(), serviceArguments, settings.environment(), Duration.ofMinutes(5));
        AtomicLong killedAt = new AtomicLong();
        try {
            report.cleanStartMillis = Long.parseLong(stack.property("startup.millis"));
            world.seed(stack, settings.incidents(), 0, false);
            progress.accept(String.format(Locale.ROOT, "  up in %.1f s; %d alerts/s, SIGKILL after %d s…",
                    report.cleanStartMillis / 1e3, settings.rate(), settings.secondsBeforeKill()));
            ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
            StackHandle dying = stack;
            killer.schedule(() -> {
                killedAt.set(System.currentTimeMillis());
                dying.kill();
                return null;
            }, settings.secondsBeforeKill() * 1000L + 100, TimeUnit.MILLISECONDS);
            AlertRequests before = new AlertRequests(stack, world, 1, 0);
            load.fixedRate("before the kill", settings.alertsBeforeKill(), settings.rate(), CONNECTIONS,
                    i -> before.generic(i / settings.alertsPerIncident(), i % settings.alertsPerIncident(), false),
                    (answer, i) -> answers.put(i, answer));
            killer.shutdown();
            if (!killer.awaitTermination(1, TimeUnit.MINUTES) || stack.isAlive()) {
                throw new IllegalStateException("The stack was not killed");
            }
        } finally {
            // Whatever went wrong, no stack is left running behind the caller.
            if (stack.isAlive()) {
                stack.kill();
            }
        }
        report.acceptedBeforeKill = (int) answers.values().stream().filter(WebhookLoad.Answer::accepted).count();
        report.unansweredAtKill = settings.alertsBeforeKill() - report.acceptedBeforeKill;

        progress.accept("killed; starting it again on the same data…");
        long restarting = System.nanoTime();
        stack = StackHandle.start(work, jvmOptions(), serviceArguments, settings.environment(), Duration.ofMinutes(5));
        report.restartMillis = Long.parseLong(stack.property("startup.millis"));
        report.killToUpMillis = System.currentTimeMillis() - killedAt.get();
        progress.accept(String.format(Locale.ROOT, "  up again in %.1f s (%.1f s after the kill)",
                (System.nanoTime() - restarting) / 1e9, report.killToUpMillis / 1e3));
        try {
            AlertRequests after = new AlertRequests(stack, world, 1, 0);
            int first = settings.firstAlertAfterRestart();
            load.fixedRate("after the restart", settings.alertsAfterRestart(), settings.rate(), CONNECTIONS,
                    i -> after.generic((first + i) / settings.alertsPerIncident(), (first + i) % settings.alertsPerIncident(), false),
                    (answer, i) -> answers.put(first + i, answer));
            report.acceptedAfterRestart = (int) answers.values().stream().filter(WebhookLoad.Answer::accepted).count()
                    - report.acceptedBeforeKill;

            Set<String> accepted = new TreeSet<>();
            answers.values().stream().filter(WebhookLoad.Answer::accepted).forEach(answer -> accepted.add(answer.alertId()));
            progress.accept("waiting for the pipeline to drain…");
            long draining = System.nanoTime();
            Books books = awaitBooks(stack, mailbox, world);
            report.drainMillis = (System.nanoTime() - draining) / 1_000_000;
            progress.accept(String.format(Locale.ROOT, "  drained in %.1f s%s", report.drainMillis / 1e3,
                    books.complete ? "" : " (gave up waiting: the checks say what is missing)"));
            check(report, stack, books, accepted, world);
        } finally {
            progress.accept("stopping the stack (SIGTERM)…");
            report.cleanStop = stack.stop(Duration.ofSeconds(60)).orElse(null);
        }
        return report;
    }

    private List<String> jvmOptions() {
        return List.of("-Xms" + settings.stackHeap(), "-Xmx" + settings.stackHeap(), "-XX:+UseParallelGC",
                // The per-source rate limit is not what this run is about.
                "-Dvigie.intake.sources." + LocalWebhookSources.GENERIC + ".rate.per-second=100000",
                "-Dvigie.intake.sources." + LocalWebhookSources.GENERIC + ".rate.burst=100000");
    }

    /** What the topics and the mailbox hold of this run once it settled. */
    private static final class Books {
        final Map<String, List<AlertRaised>> raised = new LinkedHashMap<>();
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
                for (String incident : incidents) {
                    for (String address : world.contactsOf(world.clientOf(index))) {
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
    private Books awaitBooks(StackHandle stack, GreenMail mailbox, BenchWorld world) throws MessagingException {
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
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
            if (event.getSourceReference() != null && event.getSourceReference().startsWith(runId + "-")) {
                String alertId = String.valueOf(event.getAlertId());
                books.raised.computeIfAbsent(alertId, id -> new ArrayList<>()).add(event);
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

    private void check(CrashReport report, StackHandle stack, Books books, Set<String> accepted, BenchWorld world) {
        report.accepted = accepted.size();
        report.raised = books.raised.size();

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
        report.incidents = alertsPerIncident.size();

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
        report.notices = books.messageIds.size();
        report.resent = books.messages.values().stream().mapToInt(count -> count - 1).sum();
        report.check("nothing on a dead-letter topic", books.deadLetters.entrySet().stream()
                .filter(entry -> entry.getValue() > 0).map(entry -> entry.getKey() + ": " + entry.getValue()).toList());
        if (!books.complete) {
            report.check("the pipeline drained within " + settings.drainTimeout().toSeconds() + " s", List.of("it did not"));
        }
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
