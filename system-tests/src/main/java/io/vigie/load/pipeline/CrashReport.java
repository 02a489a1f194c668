package io.vigie.load.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link CrashRun} found: the counts, how long the stack took to start before and after the crash and to stop
 * after it, and each check with what broke it (the first few cases). Printed the same by the test and the driver.
 */
final class CrashReport extends PipelineChecks.Tally {

    private final String runId;
    private final CrashRun.Settings settings;
    int acceptedBeforeKill;
    int unansweredAtKill;
    int acceptedAfterRestart;
    long cleanStartMillis;
    long restartMillis;
    long killToUpMillis;
    long drainMillis;
    Duration cleanStop;

    CrashReport(String runId, CrashRun.Settings settings) {
        this.runId = runId;
        this.settings = settings;
    }

    /** Every check that failed, with its cases; empty when the crash lost and repeated nothing. */
    List<String> failures() {
        List<String> failures = new ArrayList<>(checkFailures());
        if (cleanStop == null) {
            failures.add("the stack did not stop within 60 s of SIGTERM after the restart");
        }
        return failures;
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Crash run %s: %d alerts/s, SIGKILL after %d s, %d s more after the restart, "
                        + "%d alerts per incident%n", runId, settings.rate(), settings.secondsBeforeKill(),
                settings.secondsAfterRestart(), settings.alertsPerIncident()));
        out.append(String.format(Locale.ROOT, "  acknowledged: %d before the kill (%d requests got no answer), %d after the "
                + "restart; %d alerts raised in all, %d incidents, %d notices (%d emails resent with their Message-ID)%n",
                acceptedBeforeKill, unansweredAtKill, acceptedAfterRestart, raised, incidents, notices, resent));
        out.append(String.format(Locale.ROOT, "  start: %.1f s clean, %.1f s after the crash (%.1f s from SIGKILL to every "
                + "service up again); drained %.1f s after the last request; clean stop after it: %s%n",
                cleanStartMillis / 1e3, restartMillis / 1e3, killToUpMillis / 1e3, drainMillis / 1e3, cleanStop == null ? "none, killed after 60 s"
                        : String.format(Locale.ROOT, "%.1f s", cleanStop.toMillis() / 1e3)));
        appendChecks(out);
        return out.toString();
    }
}
