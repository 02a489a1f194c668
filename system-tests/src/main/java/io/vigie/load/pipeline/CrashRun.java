package io.vigie.load.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.icegreen.greenmail.util.GreenMail;
import io.vigie.localstack.LocalWebhookSources;

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
 * to drain. Then the checks ({@link PipelineChecks}), each a line of the {@link CrashReport}:
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

    CrashRun(Settings settings, String runId, Consumer<String> progress) {
        this.settings = settings;
        this.runId = runId;
        this.progress = progress;
    }

    /** Runs it all in {@code work} (the stack's directory, kept across the crash) and reports what it found. */
    CrashReport run(Path work) throws Exception {
        GreenMail mailbox = PipelineChecks.startMailbox();
        try {
            return run(work, mailbox);
        } finally {
            mailbox.stop();
        }
    }

    private CrashReport run(Path work, GreenMail mailbox) throws Exception {
        CrashReport report = new CrashReport(runId, settings);
        List<String> serviceArguments = PipelineChecks.notificationArguments(mailbox);
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
            PipelineChecks checks = new PipelineChecks(runId, settings.drainTimeout());
            PipelineChecks.Books books = checks.awaitBooks(stack, mailbox, world);
            report.drainMillis = (System.nanoTime() - draining) / 1_000_000;
            progress.accept(String.format(Locale.ROOT, "  drained in %.1f s%s", report.drainMillis / 1e3,
                    books.complete ? "" : " (gave up waiting: the checks say what is missing)"));
            checks.check(report, stack, books, accepted, 0, world);
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

}
