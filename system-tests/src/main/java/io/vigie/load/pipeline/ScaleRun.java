package io.vigie.load.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.icegreen.greenmail.util.GreenMail;
import io.vigie.localstack.LocalWebhookSources;
import io.vigie.localstack.VigieService;

/**
 * Vigie scaled out under load, the load driver's version of the suite's {@code ScaleOutIT}: the stack in a child JVM
 * ({@link StackHandle}, one instance of each service, each on its own PostgreSQL database) and a <b>second instance of
 * each service</b> in a JVM of its own ({@link ServiceInstance}: the stack's arguments for the service, its own port),
 * both instances of a service sharing its database and consumer group on the topics' partitions as the services create
 * them. Emails go to an SMTP server of this JVM, as in {@link CrashRun}.
 *
 * <p>Generic-API alerts at {@code rate} for {@code seconds}, round robin over the two intake instances,
 * {@code alertsPerIncident} in a row about one asset; halfway, a storm of {@code stormAlerts} Alertmanager alerts about
 * one asset, its notifications round robin too. Meanwhile the second instance of each service in turn
 * (notification-service first, while notices are being sent) gets SIGKILL and is started again at once: six kills
 * spread over the run, so every consumer group rebalances twice with work in flight. A request to the killed intake
 * gets no answer, as a SIEM's would; it is not acknowledged and not looked for. After the pipeline drained, the
 * {@link PipelineChecks} (as the crash run's), the incident count, each consumer group's lag and the second
 * instances, in a {@link ScaleReport} with each kill's time and how long the instance took to answer again.
 */
final class ScaleRun {

    private static final int STORM_CONNECTIONS = 4;
    // notification-service first: the run's first incidents are then having their notices sent.
    private static final List<VigieService> KILL_ORDER = List.of(VigieService.NOTIFICATION, VigieService.ALERT_INTAKE,
            VigieService.TRIAGE, VigieService.CASE, VigieService.POSTMORTEM, VigieService.REGULATORY);
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);

    /** How big the run is, and where the services keep their data ({@code environment}: {@code VIGIE_<NAME>_DB_URL}, …). */
    record Settings(int rate, int seconds, int stormAlerts, int batchSize, int alertsPerIncident, int clients,
                    int connections, String stackHeap, Map<String, String> environment, Duration drainTimeout) {

        Settings {
            environment = Map.copyOf(environment);
        }

        int alerts() {
            return rate * seconds;
        }

        int incidents() {
            return LoadOptions.ceilDiv(alerts(), alertsPerIncident);
        }

        /** The steady incidents and the storm's. */
        int expectedIncidents() {
            return incidents() + (stormAlerts > 0 ? 1 : 0);
        }

        int stormNotifications() {
            return LoadOptions.ceilDiv(stormAlerts, batchSize);
        }
    }

    /** One SIGKILL: of which instance, when (ms after the load began), alerts acknowledged by then, back up after (ms, -1 never). */
    record Kill(VigieService service, long atMillis, int acknowledgedBefore, long upAfterMillis) {
    }

    private final Settings settings;
    private final String runId;
    private final Consumer<String> progress;

    ScaleRun(Settings settings, String runId, Consumer<String> progress) {
        this.settings = settings;
        this.runId = runId;
        this.progress = progress;
    }

    /** Runs it all in {@code work} (the stack's directory; the second instances' logs in {@code work/instances}). */
    ScaleReport run(Path work) throws Exception {
        GreenMail mailbox = PipelineChecks.startMailbox();
        try {
            return run(work, mailbox);
        } finally {
            mailbox.stop();
        }
    }

    private ScaleReport run(Path work, GreenMail mailbox) throws Exception {
        ScaleReport report = new ScaleReport(runId, settings);
        Path logs = Files.createDirectories(work.resolve("instances"));
        List<String> serviceArguments = PipelineChecks.notificationArguments(mailbox);
        progress.accept("starting the stack in a child JVM (" + work + ")…");
        StackHandle stack = StackHandle.start(work, stackJvmOptions(), serviceArguments, settings.environment(),
                Duration.ofMinutes(5));
        Map<VigieService, ServiceInstance> seconds = new EnumMap<>(VigieService.class);
        try {
            report.stackStartMillis = Long.parseLong(stack.property("startup.millis"));
            BenchWorld world = new BenchWorld(runId, settings.clients());
            world.seed(stack, settings.incidents(), 0, settings.stormAlerts() > 0);
            progress.accept(String.format(Locale.ROOT, "  up in %.1f s; starting a second instance of each service…",
                    report.stackStartMillis / 1e3));
            long starting = System.nanoTime();
            for (VigieService service : VigieService.values()) {
                ServiceInstance instance = ServiceInstance.of(stack, service, instanceJvmOptions(), logs);
                seconds.put(service, instance);
                instance.start();
            }
            for (ServiceInstance instance : seconds.values()) {
                if (!instance.awaitUp(UP_TIMEOUT)) {
                    throw new IllegalStateException(instance.service().applicationName()
                            + "'s second instance did not come up; see " + instance.log());
                }
            }
            report.instancesStartMillis = (System.nanoTime() - starting) / 1_000_000;
            try (LagMonitor lag = new LagMonitor(stack.property("kafka.bootstrap"))) {
                report.partitions = lag.partitionCounts();
            }
            progress.accept(String.format(Locale.ROOT, "  six more JVMs up in %.1f s; %d alerts/s for %d s over both "
                            + "intakes, a storm of %d alerts at %d s, a second instance killed every %.1f s…",
                    report.instancesStartMillis / 1e3, settings.rate(), settings.seconds(), settings.stormAlerts(),
                    settings.seconds() / 2, killInterval() / 1e3));
            long loadStart = load(report, stack, world, seconds);

            for (ServiceInstance instance : seconds.values()) {
                instance.awaitUp(UP_TIMEOUT);
            }
            progress.accept("waiting for the pipeline to drain…");
            long draining = System.nanoTime();
            PipelineChecks checks = new PipelineChecks(runId, settings.drainTimeout());
            PipelineChecks.Books books = checks.awaitBooks(stack, mailbox, world);
            report.drainMillis = (System.nanoTime() - draining) / 1_000_000;
            report.drainedAtMillis = (System.nanoTime() - loadStart) / 1_000_000;
            progress.accept(String.format(Locale.ROOT, "  drained in %.1f s%s", report.drainMillis / 1e3,
                    books.complete ? "" : " (gave up waiting: the checks say what is missing)"));
            checks.check(report, stack, books, report.acknowledged, report.stormAcknowledged, world);
            report.check("incidents as expected (" + settings.incidents() + " steady, "
                    + (settings.stormAlerts() > 0 ? "1 storm" : "no storm") + ")", report.incidents == settings.expectedIncidents()
                    ? List.of() : List.of(report.incidents + " incidents, " + settings.expectedIncidents() + " expected"));
            try (LagMonitor lag = new LagMonitor(stack.property("kafka.bootstrap"))) {
                report.lagByGroup = byGroup(lag.sample().lag());
            }
            report.check("each consumer group's lag is 0", report.lagByGroup.entrySet().stream()
                    .filter(entry -> entry.getValue() > 0).map(entry -> entry.getKey() + ": " + entry.getValue()).toList());
            report.check("every killed instance answered again within " + UP_TIMEOUT.toMinutes() + " min",
                    report.kills.stream().filter(kill -> kill.upAfterMillis() < 0)
                            .map(kill -> kill.service().applicationName()).toList());
            report.check("every second instance runs at the end", seconds.values().stream()
                    .filter(instance -> !instance.isAlive())
                    .map(instance -> instance.service().applicationName() + " (log " + instance.log() + ")").toList());
        } finally {
            // Whatever went wrong, no JVM is left running behind the caller.
            for (ServiceInstance instance : seconds.values()) {
                instance.terminate();
            }
            progress.accept("stopping the stack (SIGTERM)…");
            report.cleanStop = stack.stop(Duration.ofSeconds(60)).orElse(null);
        }
        return report;
    }

    /**
     * The steady load, the storm halfway and the six kills, each on its own schedule from the load's start; returns
     * once every request was answered and every killed instance answers again (or never will), with the load's start.
     */
    private long load(ScaleReport report, StackHandle stack, BenchWorld world, Map<VigieService, ServiceInstance> seconds)
            throws Exception {
        AlertRequests[] intakes = {
                new AlertRequests(stack, world, settings.batchSize(), settings.stormAlerts()),
                new AlertRequests(stack, seconds.get(VigieService.ALERT_INTAKE).baseUrl(), world, settings.batchSize(),
                        settings.stormAlerts())};
        Map<Integer, WebhookLoad.Answer> answers = new ConcurrentHashMap<>();
        WebhookLoad load = new WebhookLoad(settings.connections());
        ScheduledExecutorService schedule = Executors.newScheduledThreadPool(2);
        ExecutorService waiting = Executors.newCachedThreadPool();
        long loadStart = System.nanoTime();
        try {
            List<Future<CompletableFuture<Kill>>> kills = new ArrayList<>();
            for (int i = 0; i < KILL_ORDER.size(); i++) {
                ServiceInstance victim = seconds.get(KILL_ORDER.get(i));
                kills.add(schedule.schedule(() -> kill(victim, loadStart, answers, waiting), (i + 1) * killInterval(),
                        TimeUnit.MILLISECONDS));
            }
            Future<RequestLog> storm = settings.stormAlerts() == 0 ? null : schedule.schedule(() -> {
                Instant startsAt = Instant.now().minusSeconds(30);
                return load.asFastAsAnswered(settings.stormNotifications(), STORM_CONNECTIONS,
                        b -> intakes[b % 2].storm(b, startsAt));
            }, settings.seconds() * 500L, TimeUnit.MILLISECONDS);
            int perIncident = settings.alertsPerIncident();
            load.fixedRate("scale", settings.alerts(), settings.rate(), settings.connections(),
                    i -> intakes[i % 2].generic(i / perIncident, i % perIncident, false), (answer, i) -> answers.put(i, answer));
            report.lastRequestMillis = (System.nanoTime() - loadStart) / 1_000_000;
            if (storm != null) {
                RequestLog log = storm.get();
                for (int i = 0; i < log.size(); i++) {
                    if (log.ok(i)) {
                        report.stormNotificationsAcknowledged++;
                        report.stormAcknowledged += log.published(i);
                    }
                }
            }
            for (Future<CompletableFuture<Kill>> kill : kills) {
                report.kills.add(kill.get().get());
            }
        } finally {
            schedule.shutdownNow();
            waiting.shutdownNow();
        }
        answers.forEach((i, answer) -> {
            if (answer.accepted()) {
                report.acknowledged.add(answer.alertId());
                report.acknowledgedByIntake[i % 2]++;
            } else {
                report.refusedByStatus.merge(answer.status() == 0 ? "no answer" : Integer.toString(answer.status()), 1,
                        Integer::sum);
            }
        });
        return loadStart;
    }

    /** SIGKILL, started again at once; the wait for it to answer runs apart so the schedule goes on. */
    private static CompletableFuture<Kill> kill(ServiceInstance victim, long loadStart, Map<Integer, WebhookLoad.Answer> answers,
                                                ExecutorService waiting) throws InterruptedException {
        long at = System.nanoTime();
        int acknowledged = (int) answers.values().stream().filter(WebhookLoad.Answer::accepted).count();
        victim.kill();
        victim.start();
        System.out.printf(Locale.ROOT, "  %.1f s: SIGKILL to %s's second instance, started again%n",
                (at - loadStart) / 1e9, victim.service().applicationName());
        return CompletableFuture.supplyAsync(() -> {
            boolean up = victim.awaitUp(UP_TIMEOUT);
            long upAfter = up ? (System.nanoTime() - at) / 1_000_000 : -1;
            System.out.printf(Locale.ROOT, "  %s's second instance %s%n", victim.service().applicationName(),
                    up ? String.format(Locale.ROOT, "answers again, %.1f s after its kill", upAfter / 1e3) : "did not come back");
            return new Kill(victim.service(), (at - loadStart) / 1_000_000, acknowledged, upAfter);
        }, waiting);
    }

    /** The six kills spread over the run, the last one a seventh of it before the end. */
    private long killInterval() {
        return settings.seconds() * 1000L / (KILL_ORDER.size() + 1);
    }

    /** Lag by consumer group, from the monitor's {@code group ← topic} stages. */
    private static Map<String, Long> byGroup(Map<String, Long> lag) {
        Map<String, Long> groups = new TreeMap<>();
        lag.forEach((stage, records) -> groups.merge(stage.substring(0, stage.indexOf(" ← ")), records, Long::sum));
        return groups;
    }

    private List<String> stackJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xms" + settings.stackHeap(), "-Xmx" + settings.stackHeap(),
                "-XX:+UseParallelGC"));
        options.addAll(noSourceRateLimit());
        return options;
    }

    /** Start-up speed over peak speed, as the fault tests' child JVMs: seven JVMs share the machine. */
    private static List<String> instanceJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m"));
        options.addAll(noSourceRateLimit());
        return options;
    }

    /** The per-source rate limit is not what this run is about (both intakes would count alone anyway). */
    private static List<String> noSourceRateLimit() {
        List<String> options = new ArrayList<>();
        for (String source : Set.of(LocalWebhookSources.GENERIC, LocalWebhookSources.ALERTMANAGER)) {
            options.add("-Dvigie.intake.sources." + source + ".rate.per-second=100000");
            options.add("-Dvigie.intake.sources." + source + ".rate.burst=100000");
        }
        return options;
    }
}
