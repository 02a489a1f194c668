package io.vigie.load.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.ClassificationChange;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.NoticeStage;
import org.HdrHistogram.Histogram;

/**
 * Turns what a run saw (the driver's requests, the events on the topics, the mailbox, the lag and process samples)
 * into figures, and writes them: {@code report.md}, {@code latency.html} and CSV files of the raw series.
 *
 * <p>An email is matched to its alerts through the mailbox and the topics: its {@code X-Vigie-Notice-Id} is the notice
 * of a {@code ClientNotified}, whose incident is that of an {@code AlertClassified}, whose alert is an
 * {@code AlertRaised} about the asset the driver chose for one of its incidents. Webhook → first email of an incident
 * runs from the moment the first webhook request about its asset was due to the mailbox's receipt of the first email
 * about it.
 */
final class PipelineReport {

    /**
     * Everything a run collected.
     * Wide: built once at the end of a run and read field by field into the report's sections; nothing rebuilds it.
     */
    record Run(LoadOptions options, String runId, Machine machine, String loadAverageAfter, String database,
               long stackStartupMillis, double seedSeconds, String warmUp, RequestLog requests, long measuredFromMillis,
               long postedUntilMillis, PipelineLoadDriver.Drain drain, List<StackHandle.Email> emails,
               List<Raised> raised, List<Classified> classified, List<Notified> notified,
               List<LagMonitor.Sample> lag, List<ProcessMonitor.Sample> processes, Map<String, Long> deadLetters,
               StackHandle.JvmFigures jvmBefore, StackHandle.JvmFigures jvmAfter, BenchWorld world,
               Map<String, Integer> retriedDeliveries) {
    }

    /** What the report needs of an {@code AlertRaised}: read from the topic, only this is kept. */
    record Raised(UUID alertId, String asset) {
        static Raised of(AlertRaised event) {
            return new Raised(event.getAlertId(), event.getAsset());
        }
    }

    /** What the report needs of an {@code AlertClassified}. */
    record Classified(UUID alertId, UUID incidentId, ClassificationChange change) {
        static Classified of(AlertClassified event) {
            return new Classified(event.getAlertId(), event.getIncidentId(), event.getChange());
        }
    }

    /** What the report needs of a {@code ClientNotified}. */
    record Notified(UUID noticeId, UUID incidentId, NoticeStage stage, DeliveryOutcome outcome) {
        static Notified of(ClientNotified event) {
            return new Notified(event.getNoticeId(), event.getIncidentId(), event.getStage(), event.getOutcome());
        }
    }

    /** One incident the driver meant: when its first webhook was due, its first email, its INITIAL emails per contact. */
    private static final class Incident {
        long firstDueMicros = Long.MAX_VALUE;
        long firstEmailMillis = Long.MAX_VALUE;
        final Set<UUID> incidentIds = new HashSet<>();
        final Map<String, Integer> initialByRecipient = new TreeMap<>();
        int emails;
        int acceptedAlerts;
    }

    private final Run run;
    private final boolean storm;
    private final Map<Integer, Incident> incidents = new TreeMap<>();
    private final Histogram webhookLatency = new Histogram(3);
    private final Histogram emailLatency = new Histogram(3);
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final Map<String, String> targets = new LinkedHashMap<>();
    private final List<String> accounting = new ArrayList<>();
    private long firstDueMicros = Long.MAX_VALUE;
    private long lastAnswerMicros;
    private int measuredAlertIds;
    private int classifiedAlertIds;
    private Set<UUID> producedIncidents = new HashSet<>();
    private int opened;
    private int duplicateEmails;
    private int foreignEmails;
    private Long stormInitialDoneMillis;

    PipelineReport(Run run) {
        this.run = run;
        this.storm = run.options().mode() == LoadOptions.Mode.BURST;
        analyse();
    }

    // ---------------------------------------------------------------------------------------------------- analysis

    private void analyse() {
        RequestLog log = run.requests();
        int requests = log.size();
        int ok = 0;
        long alertsSent = 0;
        long alertsAccepted = 0;
        for (int i = 0; i < requests; i++) {
            firstDueMicros = Math.min(firstDueMicros, log.dueMicros(i));
            lastAnswerMicros = Math.max(lastAnswerMicros, log.dueMicros(i) + log.latencyNanos(i) / 1000);
            webhookLatency.recordValue(Math.max(1, log.latencyNanos(i) / 1000));
            alertsSent += log.alerts(i);
            Incident incident = incidents.computeIfAbsent(storm ? 0 : log.incident(i), k -> new Incident());
            incident.firstDueMicros = Math.min(incident.firstDueMicros, log.dueMicros(i));
            if (log.ok(i)) {
                ok++;
                alertsAccepted += log.published(i);
                incident.acceptedAlerts += log.published(i);
            }
        }
        double postingSeconds = Math.max(1e-3, (lastAnswerMicros - firstDueMicros) / 1e6);

        // Alerts → assets → the driver's incidents; the stack's incidents → the driver's.
        Map<UUID, Integer> incidentOfAlert = new HashMap<>();
        Set<UUID> raisedIds = new HashSet<>();
        for (Raised alert : run.raised()) {
            Integer incident = measuredIncident(alert.asset());
            if (incident != null) {
                incidentOfAlert.put(alert.alertId(), incident);
                if (incident >= 0) {
                    raisedIds.add(alert.alertId());
                }
            }
        }
        measuredAlertIds = raisedIds.size();
        Map<UUID, Integer> driverIncidentOf = new HashMap<>();
        Set<UUID> classifiedIds = new HashSet<>();
        for (Classified classified : run.classified()) {
            Integer incident = incidentOfAlert.get(classified.alertId());
            if (incident == null) {
                continue;
            }
            if (incident >= 0) {
                classifiedIds.add(classified.alertId());
                producedIncidents.add(classified.incidentId());
                if (classified.change() == ClassificationChange.OPENED) {
                    opened++;
                }
            }
            incidents.computeIfAbsent(incident, k -> new Incident()).incidentIds.add(classified.incidentId());
            driverIncidentOf.put(classified.incidentId(), incident);
        }
        classifiedAlertIds = classifiedIds.size();

        Map<UUID, Notified> notices = new HashMap<>();
        for (Notified notified : run.notified()) {
            if (notified.outcome() == DeliveryOutcome.SENT) {
                notices.putIfAbsent(notified.noticeId(), notified);
            }
        }
        Set<String> seen = new HashSet<>();
        for (StackHandle.Email email : run.emails()) {
            if (!seen.add(email.noticeId() + " " + email.recipient())) {
                duplicateEmails++;
            }
            Notified notice = email.noticeId().isEmpty() ? null : notices.get(UUID.fromString(email.noticeId()));
            Integer driverIncident = notice == null ? null : driverIncidentOf.get(notice.incidentId());
            if (notice == null) {
                foreignEmails++;
            }
            if (driverIncident == null) {
                continue;
            }
            Incident incident = incidents.get(driverIncident);
            incident.emails++;
            incident.firstEmailMillis = Math.min(incident.firstEmailMillis, email.receivedAtMillis());
            if (notice.stage() == NoticeStage.INITIAL) {
                incident.initialByRecipient.merge(email.recipient(), 1, Integer::sum);
            }
        }
        int incidentsWithEmail = 0;
        int incidentsComplete = 0;
        int contactsOnce = 0;
        int contactsMissing = 0;
        int contactsTwice = 0;
        int split = 0;
        for (Map.Entry<Integer, Incident> entry : incidents.entrySet()) {
            Incident incident = entry.getValue();
            if (entry.getKey() < 0 || incident.acceptedAlerts == 0) {
                continue;
            }
            if (incident.incidentIds.size() > 1) {
                split++;
            }
            if (incident.firstEmailMillis != Long.MAX_VALUE) {
                incidentsWithEmail++;
                emailLatency.recordValue(Math.max(1, incident.firstEmailMillis * 1000 - incident.firstDueMicros));
            }
            boolean complete = true;
            for (String contact : expectedContacts(entry.getKey())) {
                int count = incident.initialByRecipient.getOrDefault(contact, 0);
                if (count == 1) {
                    contactsOnce++;
                } else if (count == 0) {
                    contactsMissing++;
                    complete = false;
                } else {
                    contactsTwice++;
                }
            }
            incidentsComplete += complete ? 1 : 0;
        }
        int expectedIncidents = (int) incidents.entrySet().stream()
                .filter(entry -> entry.getKey() >= 0 && entry.getValue().acceptedAlerts > 0).count();
        if (storm) {
            Incident theOne = incidents.get(0);
            if (theOne != null && contactsMissing == 0 && !theOne.initialByRecipient.isEmpty()) {
                stormInitialDoneMillis = run.emails().stream()
                        .filter(email -> theOne.initialByRecipient.containsKey(email.recipient()))
                        .filter(email -> {
                            Notified notice = email.noticeId().isEmpty() ? null
                                    : notices.get(UUID.fromString(email.noticeId()));
                            return notice != null && notice.stage() == NoticeStage.INITIAL
                                    && theOne.incidentIds.contains(notice.incidentId());
                        })
                        .mapToLong(StackHandle.Email::receivedAtMillis).max().orElse(0);
            }
        }

        Map<Integer, Integer> statuses = log.statusCounts();
        int non2xx = requests - ok;
        figures.put("Webhook requests", String.format(Locale.ROOT, "%,d (%s)", requests, statuses.entrySet().stream()
                .map(e -> (e.getKey() == 0 ? "no answer" : e.getKey().toString()) + ": " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", "))));
        figures.put("Non-2xx answers", String.format(Locale.ROOT, "%,d", non2xx) + (log.failures().isEmpty() ? ""
                : " (no answer: " + log.failures().entrySet().stream().map(e -> e.getKey() + " × " + e.getValue())
                .collect(Collectors.joining("; ")) + ")"));
        targets.put("Non-2xx answers", "0");
        figures.put("Alerts posted / accepted (published by intake)", String.format(Locale.ROOT, "%,d / %,d", alertsSent, alertsAccepted));
        figures.put("Accepted alerts/s", String.format(Locale.ROOT, "%.1f (over %.1f s, first request due → last answer)",
                alertsAccepted / postingSeconds, postingSeconds));
        if (!storm) {
            targets.put("Accepted alerts/s", String.valueOf(run.options().rate()));
        }
        figures.put("Webhook latency p50 / p95 / p99 / max", String.format(Locale.ROOT, "%s / %s / %s / %s",
                millis(webhookLatency.getValueAtPercentile(50) / 1e3), millis(webhookLatency.getValueAtPercentile(95) / 1e3),
                millis(webhookLatency.getValueAtPercentile(99) / 1e3), millis(webhookLatency.getMaxValue() / 1e3)));
        figures.put("Webhook → first client email p50 / p99 / max", emailLatency.getTotalCount() == 0 ? "no email"
                : String.format(Locale.ROOT, "%s / %s / %s (%,d incidents)", millis(emailLatency.getValueAtPercentile(50) / 1e3),
                millis(emailLatency.getValueAtPercentile(99) / 1e3), millis(emailLatency.getMaxValue() / 1e3),
                emailLatency.getTotalCount()));
        if (!storm) {
            targets.put("Webhook → first client email p50 / p99 / max", "p99 < 1 s");
        }
        figures.put("Incidents produced (OPENED)", String.format(Locale.ROOT, "%,d (%,d) for %,d meant", producedIncidents.size(),
                opened, expectedIncidents));
        targets.put("Incidents produced (OPENED)", storm ? "1" : "as meant");
        figures.put("Incidents with every contact's INITIAL email", String.format(Locale.ROOT, "%,d of %,d (%,d with some email)",
                incidentsComplete, expectedIncidents, incidentsWithEmail));
        figures.put("INITIAL emails per contact: exactly one / none / more than one",
                String.format(Locale.ROOT, "%,d / %,d / %,d", contactsOnce, contactsMissing, contactsTwice));
        targets.put("INITIAL emails per contact: exactly one / none / more than one", "all / 0 / 0");
        if (storm) {
            Incident theOne = incidents.get(0);
            figures.put("Storm: INITIAL emails by contact", theOne == null || theOne.initialByRecipient.isEmpty() ? "none"
                    : theOne.initialByRecipient.toString());
            figures.put("Storm drain: first post → the incident's INITIAL notices all sent", stormInitialDoneMillis == null
                    ? "not all sent" : seconds((stormInitialDoneMillis * 1000 - firstDueMicros) / 1e6));
            targets.put("Storm drain: first post → the incident's INITIAL notices all sent", "< 60 s");
            figures.put("Storm: first post → last alert accepted by intake", seconds((lastAnswerMicros - firstDueMicros) / 1e6));
            Long triaged = firstZeroAfter("triage-service ← vigie.alert-raised", lastAnswerMicros / 1000);
            figures.put("Storm: first post → every alert triaged (triage lag 0)", triaged == null ? "not reached"
                    : seconds((triaged * 1000 - firstDueMicros) / 1e6) + " (lag sampled every 0.5 s)");
            targets.put("Storm: first post → every alert triaged (triage lag 0)", "< 60 s");
        }
        Long allZero = firstZeroAfter(null, lastAnswerMicros / 1000);
        figures.put("Last answer → every stage's lag 0", allZero == null ? "not reached"
                : seconds(Math.max(0, allZero - lastAnswerMicros / 1000) / 1e3));
        long dead = run.deadLetters().values().stream().mapToLong(Long::longValue).sum();
        figures.put("Dead-letter records", String.format(Locale.ROOT, "%,d", dead));
        targets.put("Dead-letter records", "0");
        figures.put("Emails sent twice (same notice, same recipient)", String.format(Locale.ROOT, "%,d", duplicateEmails));
        int retried = run.retriedDeliveries().values().stream().mapToInt(Integer::intValue).sum();
        figures.put("Listener deliveries that failed and were retried", String.format(Locale.ROOT, "%,d", retried)
                + (retried == 0 ? "" : " (" + run.retriedDeliveries().entrySet().stream()
                .map(e -> e.getKey() + " × " + e.getValue()).collect(Collectors.joining("; ")) + ")"));
        targets.put("Emails sent twice (same notice, same recipient)", "0");

        accounting.add(String.format(Locale.ROOT, "| alerts accepted by intake (from its answers) | %,d |", alertsAccepted));
        accounting.add(String.format(Locale.ROOT, "| distinct `AlertRaised` about the run's assets | %,d |", measuredAlertIds));
        accounting.add(String.format(Locale.ROOT, "| distinct alerts in `AlertClassified` | %,d%s |", classifiedAlertIds,
                storm ? " (triage publishes attached alerts 1-by-1 up to 10, then every 100th: fewer is expected)" : ""));
        accounting.add(String.format(Locale.ROOT, "| incidents (distinct ids) / OPENED | %,d / %,d |", producedIncidents.size(), opened));
        accounting.add(String.format(Locale.ROOT, "| meant incidents split over several ids | %,d |", split));
        accounting.add(String.format(Locale.ROOT, "| emails in the mailbox, all / matched to the run's incidents | %,d / %,d |",
                run.emails().size(), incidents.entrySet().stream().filter(e -> e.getKey() >= 0)
                        .mapToInt(e -> e.getValue().emails).sum()));
        accounting.add(String.format(Locale.ROOT, "| emails with no `ClientNotified` SENT | %,d |", foreignEmails));
        String verdict = !storm && non2xx == 0 && alertsAccepted == measuredAlertIds && measuredAlertIds == classifiedAlertIds
                && opened == expectedIncidents && contactsMissing == 0 && contactsTwice == 0 && split == 0 && dead == 0
                ? "no loss: every accepted alert raised and classified, one incident and one INITIAL email per contact each"
                : storm && non2xx == 0 && alertsAccepted == measuredAlertIds && producedIncidents.size() == 1
                && contactsMissing == 0 && contactsTwice == 0 && dead == 0
                ? "no loss: every accepted alert raised, one incident, one INITIAL email per contact"
                : "LOSS OR EXCESS: see the rows above";
        figures.put("Accounting", verdict);
    }

    /** The driver's incident an asset is about: its number, 0 for the storm's asset, -1 for warm-up, null otherwise. */
    private Integer measuredIncident(String asset) {
        if (storm) {
            if (BenchWorld.STORM_ASSET.equalsIgnoreCase(asset)) {
                return 0;
            }
            Integer incident = BenchWorld.incidentOf(asset);
            return incident == null ? null : -1;
        }
        return BenchWorld.incidentOf(asset);
    }

    private List<String> expectedContacts(int incident) {
        if (storm) {
            List<String> contacts = new ArrayList<>();
            for (int client = 0; client < BenchWorld.STORM_CLIENTS; client++) {
                contacts.addAll(run.world().contactsOf(client));
            }
            return contacts;
        }
        return run.world().contactsOf(run.world().clientOf(incident));
    }

    /** The first lag sample at or after {@code fromMillis} where the stage (every stage when null) is at zero. */
    private Long firstZeroAfter(String stage, long fromMillis) {
        for (LagMonitor.Sample sample : run.lag()) {
            if (sample.epochMillis() < fromMillis) {
                continue;
            }
            long lag = stage == null ? sample.total() : sample.lag().getOrDefault(stage, 0L);
            if (lag == 0) {
                return sample.epochMillis();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- output

    String summary() {
        StringBuilder out = new StringBuilder();
        figures.forEach((name, value) -> out.append(String.format(Locale.ROOT, "  %-66s %s%n", name, value)));
        for (Map.Entry<String, double[]> process : processFigures().entrySet()) {
            double[] f = process.getValue();
            out.append(String.format(Locale.ROOT, "  %-66s CPU %.0f%% avg, %.0f%% peak; memory %s peak%n",
                    "Process " + process.getKey() + " (while posting)", f[0], f[1], megabytes((long) f[3])));
        }
        return out.toString();
    }

    void write(Path directory) throws IOException {
        Files.writeString(directory.resolve("report.md"), markdown());
        Files.writeString(directory.resolve("latency.html"), html());
        writeCsv(directory);
    }

    private String markdown() {
        LoadOptions o = run.options();
        Machine m = run.machine();
        StringBuilder md = new StringBuilder();
        md.append("# Vigie pipeline load benchmark: ").append(storm ? "burst" : "steady").append(", run ")
                .append(run.runId()).append("\n\n");
        md.append("Written by `io.vigie.load.pipeline.PipelineLoadDriver`; charts over time in [latency.html](latency.html), "
                + "raw series in the CSV files next to this one. The driver measures, it asserts nothing.\n\n");
        md.append("## Settings\n\n| Setting | Value |\n|---|---|\n");
        if (storm) {
            row(md, "Mode", String.format(Locale.ROOT, "burst: %,d alerts about one asset (`%s`, shared by 2 clients, 4 contacts), "
                    + "Alertmanager notifications of %d, %d connections back to back", o.stormAlerts(), BenchWorld.STORM_ASSET,
                    o.batchSize(), o.connections()));
        } else {
            row(md, "Mode", String.format(Locale.ROOT, "steady: %d alerts/s for %d s (%,d alerts), generic API with HMAC, "
                    + "%d alerts per incident (%,d incidents, one asset each)", o.rate(), o.seconds(), o.alerts(),
                    o.alertsPerIncident(), o.incidents()));
        }
        row(md, "Clients", String.format(Locale.ROOT, "%d, 2 email contacts each (fr, en), minimum severity MEDIUM", o.clients()));
        row(md, "Warm-up", o.warmUpSeconds() == 0 ? "none" : String.format(Locale.ROOT,
                "%d alerts/s for %d s on other assets, drained before the measured phase, left out of the figures: %s",
                o.warmUpRate(), o.warmUpSeconds(), run.warmUp()));
        row(md, "Stack", "the local stack (Kafka broker, schema registry, SMTP mailbox, five services) in one child JVM, -Xmx"
                + o.stackHeap() + String.format(Locale.ROOT, ", up in %.1f s; seeding took %.1f s", run.stackStartupMillis() / 1e3,
                run.seedSeconds()));
        row(md, "Databases", run.database());
        row(md, "Intake rate limit", o.sourceRate() + "/s per source (default 200/s, raised so the limiter is not what is measured)");
        row(md, "Measured phase", Instant.ofEpochMilli(run.measuredFromMillis()) + " → " + Instant.ofEpochMilli(run.drain().atMillis())
                + " (drain: " + run.drain() + ")");
        md.append("\n## Machine\n\n| | |\n|---|---|\n");
        row(md, "CPU", m.cores() + " cores, " + m.cpu());
        row(md, "Memory", m.memory());
        row(md, "OS, Java", m.os() + "; " + m.java());
        row(md, "Load average (1/5/15 min) before / after", m.loadAverage() + " → " + run.loadAverageAfter());
        md.append("\n## Figures\n\n| Figure | Value | Target |\n|---|---|---|\n");
        figures.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value).append(" | ")
                .append(targets.getOrDefault(name, "")).append(" |\n"));
        md.append("\nWebhook latency counts from the moment each request was due (steady: open loop at a fixed rate, so a "
                + "stall is never hidden; burst: from the send, connections posting back to back). Webhook → first "
                + "client email runs, per incident, from its first webhook request's due time to the SMTP mailbox's "
                + "receipt of the first email about it.\n");

        md.append("\n## Accounting\n\n| What | Count |\n|---|---|\n");
        accounting.forEach(line -> md.append(line).append('\n'));

        md.append("\n## Consumer lag per stage\n\nRecords written to the topic and not yet committed by the consumer group "
                + "(AdminClient: end offsets minus committed offsets, all partitions).\n\n");
        md.append(lagTable());

        md.append("\n## CPU and memory per process\n\nFrom `/proc` every second: CPU in % of one core (200% = both "
                + "cores of a 2-core machine); memory is the proportional set size (resident pages, shared ones split "
                + "between the processes sharing them; PostgreSQL: postmaster and every backend together).\n\n");
        md.append("| Process | CPU avg while posting | CPU peak (5 s) | CPU avg while draining | memory at start | memory peak |\n"
                + "|---|---|---|---|---|---|\n");
        processFigures().forEach((name, f) -> md.append(String.format(Locale.ROOT, "| %s | %.0f%% | %.0f%% | %.0f%% | %s | %s |%n",
                name, f[0], f[1], f[4], megabytes((long) f[2]), megabytes((long) f[3]))));
        md.append(jvmSection());

        md.append("\n## Dead-letter topics\n\n| Topic | Records |\n|---|---|\n");
        if (run.deadLetters().isEmpty()) {
            md.append("| (none exist) | 0 |\n");
        }
        run.deadLetters().forEach((topic, count) -> md.append(String.format(Locale.ROOT, "| `%s` | %,d |%n", topic, count)));
        return md.toString();
    }

    private String lagTable() {
        List<LagMonitor.Sample> samples = measuredLag();
        Set<String> stages = stagesBehind(samples);
        Set<String> idle = new TreeSet<>();
        samples.forEach(sample -> idle.addAll(sample.lag().keySet()));
        idle.removeAll(stages);
        if (samples.isEmpty() || stages.isEmpty()) {
            return "No stage was ever behind" + (idle.isEmpty() ? "" : " (" + String.join(", ", idle) + ")") + ".\n";
        }
        StringBuilder md = new StringBuilder("| Stage | max | at last answer | last answer → 0 |\n|---|---|---|---|\n");
        for (String stage : stages) {
            long max = samples.stream().mapToLong(s -> s.lag().getOrDefault(stage, 0L)).max().orElse(0);
            long atEnd = samples.stream().filter(s -> s.epochMillis() >= lastAnswerMicros / 1000).findFirst()
                    .map(s -> s.lag().getOrDefault(stage, 0L)).orElse(0L);
            Long zero = firstZeroAfter(stage, lastAnswerMicros / 1000);
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s |%n", stage, max, atEnd,
                    zero == null ? "not reached" : seconds(Math.max(0, zero - lastAnswerMicros / 1000) / 1e3)));
        }
        if (!idle.isEmpty()) {
            md.append("\nNever behind: ").append(String.join(", ", idle)).append(".\n");
        }
        md.append("\nOver time (seconds from the first request; every ").append(lagStride(samples))
                .append(". sample, full series in `lag.csv`):\n\n| t (s) |");
        stages.forEach(stage -> md.append(' ').append(shortStage(stage)).append(" |"));
        md.append("\n|---|");
        stages.forEach(stage -> md.append("---|"));
        md.append('\n');
        int stride = lagStride(samples);
        for (int i = 0; i < samples.size(); i += stride) {
            LagMonitor.Sample sample = samples.get(i);
            md.append(String.format(Locale.ROOT, "| %.1f |", (sample.epochMillis() - firstDueMicros / 1000) / 1e3));
            stages.forEach(stage -> md.append(String.format(Locale.ROOT, " %,d |", sample.lag().getOrDefault(stage, 0L))));
            md.append('\n');
        }
        return md.toString();
    }

    /** The stages with some lag at some point: the others would only fill the tables and charts with zeros. */
    private static Set<String> stagesBehind(List<LagMonitor.Sample> samples) {
        Set<String> stages = new TreeSet<>();
        samples.forEach(sample -> sample.lag().forEach((stage, lag) -> {
            if (lag > 0) {
                stages.add(stage);
            }
        }));
        return stages;
    }

    private static int lagStride(List<LagMonitor.Sample> samples) {
        return Math.max(1, samples.size() / 30);
    }

    private List<LagMonitor.Sample> measuredLag() {
        return run.lag().stream()
                .filter(s -> s.epochMillis() >= run.measuredFromMillis() && s.epochMillis() <= run.drain().atMillis() + 2000)
                .collect(Collectors.toList());
    }

    private static String shortStage(String stage) {
        return stage.replace("-service", "").replace("vigie.", "");
    }

    /**
     * Per process: average CPU % while posting, peak over 5-second windows, RSS at the start and its peak, average
     * CPU % while draining.
     */
    private Map<String, double[]> processFigures() {
        Map<String, double[]> result = new LinkedHashMap<>();
        List<ProcessMonitor.Sample> samples = run.processes();
        if (samples.size() < 2) {
            return result;
        }
        long from = run.measuredFromMillis();
        long posted = Math.max(run.postedUntilMillis(), lastAnswerMicros / 1000);
        long until = run.drain().atMillis();
        Set<String> names = new LinkedHashSet<>();
        samples.forEach(s -> names.addAll(s.cpuSeconds().keySet()));
        for (String name : names) {
            ProcessMonitor.Sample start = nearest(samples, from);
            ProcessMonitor.Sample end = nearest(samples, posted);
            ProcessMonitor.Sample drained = nearest(samples, until);
            double posting = cpuPercent(start, end, name);
            double draining = cpuPercent(end, drained, name);
            double peak = 0;
            long peakRss = 0;
            for (int i = 0; i < samples.size(); i++) {
                ProcessMonitor.Sample sample = samples.get(i);
                if (sample.epochMillis() < from || sample.epochMillis() > until) {
                    continue;
                }
                peakRss = Math.max(peakRss, sample.residentBytes().getOrDefault(name, 0L));
                int j = i;
                while (j + 1 < samples.size() && samples.get(j + 1).epochMillis() - sample.epochMillis() <= 5000) {
                    j++;
                }
                if (j > i && samples.get(j).epochMillis() - sample.epochMillis() >= 4000) {
                    peak = Math.max(peak, cpuPercent(sample, samples.get(j), name));
                }
            }
            result.put(name, new double[] {posting, Math.max(peak, posting), start.residentBytes().getOrDefault(name, 0L),
                    peakRss, draining});
        }
        return result;
    }

    private static ProcessMonitor.Sample nearest(List<ProcessMonitor.Sample> samples, long millis) {
        ProcessMonitor.Sample best = samples.get(0);
        for (ProcessMonitor.Sample sample : samples) {
            if (Math.abs(sample.epochMillis() - millis) < Math.abs(best.epochMillis() - millis)) {
                best = sample;
            }
        }
        return best;
    }

    private static double cpuPercent(ProcessMonitor.Sample from, ProcessMonitor.Sample to, String name) {
        double seconds = (to.epochMillis() - from.epochMillis()) / 1e3;
        if (seconds <= 0) {
            return 0;
        }
        return 100 * (to.cpuSeconds().getOrDefault(name, 0.0) - from.cpuSeconds().getOrDefault(name, 0.0)) / seconds;
    }

    private String jvmSection() {
        StackHandle.JvmFigures before = run.jvmBefore();
        StackHandle.JvmFigures after = run.jvmAfter();
        StringBuilder md = new StringBuilder("\n### Inside the stack's JVM (measured phase, posting and draining)\n\n");
        md.append(String.format(Locale.ROOT, "Heap: %s used of %s committed (max %s) at the end; GC: %,d collections, %,d ms in all.%n%n",
                megabytes(after.totals.getOrDefault("heap.used", 0L)), megabytes(after.totals.getOrDefault("heap.committed", 0L)),
                megabytes(after.totals.getOrDefault("heap.max", 0L)),
                after.totals.getOrDefault("gc.count", 0L) - before.totals.getOrDefault("gc.count", 0L),
                after.totals.getOrDefault("gc.millis", 0L) - before.totals.getOrDefault("gc.millis", 0L)));
        long mailboxBytes = run.emails().stream().mapToLong(StackHandle.Email::size).sum();
        md.append(String.format(Locale.ROOT, "The SMTP mailbox keeps every email in this heap: %,d emails, %s of MIME "
                + "text at the end (a real deployment sends them away).%n%n", run.emails().size(), megabytes(mailboxBytes)));
        Map<String, Long> grouped = new HashMap<>();
        Map<String, Long> byService = new TreeMap<>();
        long total = 0;
        for (Map.Entry<Long, StackHandle.ThreadCpu> thread : after.threads.entrySet()) {
            StackHandle.ThreadCpu then = before.threads.get(thread.getKey());
            StackHandle.ThreadCpu now = thread.getValue();
            long spent = now.cpuNanos() - (then == null ? 0 : then.cpuNanos());
            if (spent > 0) {
                boolean known = !now.owner().equals("-");
                grouped.merge((known ? now.owner() + ": " : "") + now.name().replaceAll("\\d+", "#"), spent, Long::sum);
                byService.merge(known ? now.owner() : "not attributed to a service (broker, registry, mailbox, "
                        + "platform threads, idle listeners)", spent, Long::sum);
                total += spent;
            }
        }
        long all = Math.max(1, total);
        md.append(String.format(Locale.ROOT, "Where its CPU went (threads alive at the end only; %.1f CPU-seconds in all). "
                + "A thread counts for a service once it was seen running that service's code.%n%n", total / 1e9));
        md.append("| Service | CPU s | share |\n|---|---|---|\n");
        byService.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f%% |%n", e.getKey(), e.getValue() / 1e9,
                        100.0 * e.getValue() / all)));
        md.append("\nBy thread name (digits as `#`):\n\n| Threads | CPU s | share |\n|---|---|---|\n");
        grouped.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                .forEach(e -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.0f%% |%n", e.getKey(), e.getValue() / 1e9,
                        100.0 * e.getValue() / all)));
        return md.toString();
    }

    private String html() {
        List<SvgChart.Series> webhook = new ArrayList<>();
        // About 300 points whatever the length of the run: 1 s buckets for a 5-minute run, 0.1 s for a short storm.
        double duration = (lastAnswerMicros - firstDueMicros) / 1e6;
        double bucket = Math.max(0.1, SvgChart.niceCeiling(duration / 300));
        Map<Long, Histogram> perBucket = new TreeMap<>();
        RequestLog log = run.requests();
        for (int i = 0; i < log.size(); i++) {
            long index = (long) ((log.dueMicros(i) - firstDueMicros) / 1e6 / bucket);
            perBucket.computeIfAbsent(index, s -> new Histogram(3)).recordValue(Math.max(1, log.latencyNanos(i) / 1000));
        }
        List<double[]> p50 = new ArrayList<>();
        List<double[]> p99 = new ArrayList<>();
        List<double[]> max = new ArrayList<>();
        perBucket.forEach((index, histogram) -> {
            p50.add(new double[] {index * bucket, histogram.getValueAtPercentile(50) / 1e3});
            p99.add(new double[] {index * bucket, histogram.getValueAtPercentile(99) / 1e3});
            max.add(new double[] {index * bucket, histogram.getMaxValue() / 1e3});
        });
        webhook.add(new SvgChart.Series("max", "#bbb", max, false));
        webhook.add(new SvgChart.Series("p99", "#d62728", p99, false));
        webhook.add(new SvgChart.Series("p50", "#1f77b4", p50, false));

        List<double[]> perIncident = new ArrayList<>();
        double window = Math.max(1, SvgChart.niceCeiling(duration / 30));
        Map<Long, Histogram> perTen = new TreeMap<>();
        incidents.forEach((k, incident) -> {
            if (k >= 0 && incident.firstEmailMillis != Long.MAX_VALUE && incident.firstDueMicros != Long.MAX_VALUE) {
                double at = (incident.firstDueMicros - firstDueMicros) / 1e6;
                double ms = (incident.firstEmailMillis * 1000.0 - incident.firstDueMicros) / 1e3;
                perIncident.add(new double[] {at, ms});
                perTen.computeIfAbsent((long) (at / window), s -> new Histogram(3)).recordValue(Math.max(1, (long) ms));
            }
        });
        List<double[]> emailP99 = new ArrayList<>();
        perTen.forEach((index, histogram) -> emailP99.add(new double[] {(index + 0.5) * window,
                histogram.getValueAtPercentile(99)}));
        List<SvgChart.Series> email = List.of(new SvgChart.Series("each incident", "#2ca02c", perIncident, true),
                new SvgChart.Series(String.format(Locale.ROOT, "p99 per %.0f s", window), "#d62728", emailP99, false));

        List<LagMonitor.Sample> lagSamples = measuredLag();
        Set<String> stages = stagesBehind(lagSamples);
        String[] palette = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39"};
        List<SvgChart.Series> lag = new ArrayList<>();
        int color = 0;
        for (String stage : stages) {
            List<double[]> points = new ArrayList<>();
            for (LagMonitor.Sample sample : lagSamples) {
                points.add(new double[] {(sample.epochMillis() - firstDueMicros / 1000) / 1e3, sample.lag().getOrDefault(stage, 0L)});
            }
            lag.add(new SvgChart.Series(shortStage(stage), palette[color++ % palette.length], points, false));
        }

        List<SvgChart.Series> cpu = new ArrayList<>();
        List<ProcessMonitor.Sample> processes = run.processes().stream()
                .filter(s -> s.epochMillis() >= run.measuredFromMillis() - 1000 && s.epochMillis() <= run.drain().atMillis() + 2000)
                .collect(Collectors.toList());
        Set<String> names = new LinkedHashSet<>();
        processes.forEach(s -> names.addAll(s.cpuSeconds().keySet()));
        color = 0;
        for (String name : names) {
            List<double[]> points = new ArrayList<>();
            for (int i = 1; i < processes.size(); i++) {
                points.add(new double[] {(processes.get(i).epochMillis() - firstDueMicros / 1000) / 1e3,
                        cpuPercent(processes.get(i - 1), processes.get(i), name)});
            }
            cpu.add(new SvgChart.Series(name, palette[color++ % palette.length], points, false));
        }

        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vigie pipeline load ")
                .append(run.runId()).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1000px}"
                        + "table{border-collapse:collapse}td{border:1px solid #ddd;padding:2px 8px}</style></head><body>\n");
        html.append("<h1>Vigie pipeline load: ").append(storm ? "burst" : "steady").append(", run ").append(run.runId())
                .append("</h1>\n<table>\n");
        figures.forEach((name, value) -> html.append("<tr><td>").append(SvgChart.escape(name)).append("</td><td>")
                .append(SvgChart.escape(value)).append("</td></tr>\n"));
        html.append("</table>\n<p>Time axis: seconds from the first measured request. Latencies on a logarithmic scale.</p>\n");
        html.append(SvgChart.render(String.format(Locale.ROOT, "Webhook latency per %s s (from the due time)",
                bucket < 1 ? String.format(Locale.ROOT, "%.1f", bucket) : String.format(Locale.ROOT, "%.0f", bucket)),
                "seconds", "ms", webhook, true));
        html.append(SvgChart.render("Webhook → first client email, per incident (at its first webhook)", "seconds", "ms", email, true));
        html.append(SvgChart.render("Consumer lag per stage (records)", "seconds", "records", lag, false));
        html.append(SvgChart.render("CPU per process (% of one core)", "seconds", "%", cpu, false));
        html.append("</body></html>\n");
        return html.toString();
    }

    private void writeCsv(Path directory) throws IOException {
        RequestLog log = run.requests();
        StringBuilder requests = new StringBuilder("due_epoch_ms,latency_ms,status,alerts,published,incident\n");
        for (int i = 0; i < log.size(); i++) {
            requests.append(String.format(Locale.ROOT, "%.3f,%.3f,%d,%d,%d,%d%n", log.dueMicros(i) / 1e3,
                    log.latencyNanos(i) / 1e6, log.status(i), log.alerts(i), log.published(i), log.incident(i)));
        }
        Files.writeString(directory.resolve("requests.csv"), requests);

        StringBuilder perIncident = new StringBuilder("incident,first_due_epoch_ms,first_email_epoch_ms,webhook_to_email_ms,"
                + "incident_ids,emails,initial_by_recipient\n");
        incidents.forEach((k, incident) -> {
            if (k >= 0) {
                boolean emailed = incident.firstEmailMillis != Long.MAX_VALUE;
                perIncident.append(String.format(Locale.ROOT, "%d,%.3f,%s,%s,%d,%d,\"%s\"%n", k, incident.firstDueMicros / 1e3,
                        emailed ? Long.toString(incident.firstEmailMillis) : "",
                        emailed ? String.format(Locale.ROOT, "%.3f", (incident.firstEmailMillis * 1000.0 - incident.firstDueMicros) / 1e3) : "",
                        incident.incidentIds.size(), incident.emails, incident.initialByRecipient));
            }
        });
        Files.writeString(directory.resolve("incidents.csv"), perIncident);

        Set<String> stages = new TreeSet<>();
        run.lag().forEach(s -> stages.addAll(s.lag().keySet()));
        StringBuilder lag = new StringBuilder("epoch_ms");
        stages.forEach(stage -> lag.append(',').append(stage.replace(" ← ", "<-")));
        lag.append('\n');
        for (LagMonitor.Sample sample : run.lag()) {
            lag.append(sample.epochMillis());
            stages.forEach(stage -> lag.append(',').append(sample.lag().getOrDefault(stage, 0L)));
            lag.append('\n');
        }
        Files.writeString(directory.resolve("lag.csv"), lag);

        Set<String> names = new LinkedHashSet<>();
        run.processes().forEach(s -> names.addAll(s.cpuSeconds().keySet()));
        StringBuilder processes = new StringBuilder("epoch_ms");
        names.forEach(name -> processes.append(',').append(name).append("_cpu_s,").append(name).append("_rss_bytes"));
        processes.append('\n');
        for (ProcessMonitor.Sample sample : run.processes()) {
            processes.append(sample.epochMillis());
            names.forEach(name -> processes.append(String.format(Locale.ROOT, ",%.2f,%d",
                    sample.cpuSeconds().getOrDefault(name, 0.0), sample.residentBytes().getOrDefault(name, 0L))));
            processes.append('\n');
        }
        Files.writeString(directory.resolve("processes.csv"), processes);
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String millis(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1e3) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024));
    }
}
