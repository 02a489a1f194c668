package io.vigie.load.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a {@link ScaleRun} found: the topics' partitions, how long the stack and the six second instances took to start,
 * what each intake acknowledged, each kill with how long the instance took to answer again, the drain, each consumer
 * group's lag at the end, and each check with what broke it (the first few cases).
 */
final class ScaleReport extends PipelineChecks.Tally {

    private final String runId;
    private final ScaleRun.Settings settings;
    final Set<String> acknowledged = new TreeSet<>();
    final int[] acknowledgedByIntake = new int[2];
    final Map<String, Integer> refusedByStatus = new TreeMap<>();
    final List<ScaleRun.Kill> kills = new ArrayList<>();
    int stormAcknowledged;
    int stormNotificationsAcknowledged;
    Map<String, Integer> partitions = Map.of();
    Map<String, Long> lagByGroup = Map.of();
    long stackStartMillis;
    long instancesStartMillis;
    long lastRequestMillis;
    long drainMillis;
    long drainedAtMillis;
    Duration cleanStop;

    ScaleReport(String runId, ScaleRun.Settings settings) {
        this.runId = runId;
        this.settings = settings;
    }

    /** Every check that failed, with its cases; empty when the kills lost and repeated nothing. */
    List<String> failures() {
        List<String> failures = new ArrayList<>(checkFailures());
        if (cleanStop == null) {
            failures.add("the stack did not stop within 60 s of SIGTERM");
        }
        return failures;
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Scale run %s: two instances of each service (the stack's, and one JVM each "
                        + "more), %d alerts/s for %d s round robin over both intakes, %d alerts per incident, a storm of %d "
                        + "alerts about one asset at %d s, each second instance SIGKILLed in turn and started again%n",
                runId, settings.rate(), settings.seconds(), settings.alertsPerIncident(), settings.stormAlerts(),
                settings.seconds() / 2));
        out.append("  partitions: ").append(partitionSummary()).append('\n');
        out.append(String.format(Locale.ROOT, "  start: stack %.1f s, then the six second instances %.1f s%n",
                stackStartMillis / 1e3, instancesStartMillis / 1e3));
        out.append(String.format(Locale.ROOT, "  acknowledged: %d single alerts of %d (%d by the stack's intake, %d by the "
                        + "second; not acknowledged: %s), storm %d alerts in %d of %d notifications; %d raised in all, %d "
                        + "incidents (%d expected), %d notices (%d emails resent with their Message-ID)%n",
                acknowledged.size(), settings.alerts(), acknowledgedByIntake[0], acknowledgedByIntake[1],
                refusedByStatus.isEmpty() ? "none" : refusedByStatus, stormAcknowledged, stormNotificationsAcknowledged,
                settings.stormNotifications(), raised, incidents, settings.expectedIncidents(), notices, resent));
        out.append("  kills (time after the load began, alerts acknowledged by then, back up after):\n");
        for (ScaleRun.Kill kill : kills) {
            out.append(String.format(Locale.ROOT, "    %6.1f s  %-22s %6d  %s%n", kill.atMillis() / 1e3,
                    kill.service().applicationName(), kill.acknowledgedBefore(), kill.upAfterMillis() < 0 ? "never"
                            : String.format(Locale.ROOT, "%.1f s", kill.upAfterMillis() / 1e3)));
        }
        long lastBack = kills.stream().mapToLong(kill -> kill.upAfterMillis() < 0 ? 0 : kill.atMillis() + kill.upAfterMillis())
                .max().orElse(0);
        out.append(String.format(Locale.ROOT, "  after the load began: last request at %.1f s, every second instance back at "
                        + "%.1f s, drained at %.1f s (%.1f s of waiting for the drain); clean stop: %s%n",
                lastRequestMillis / 1e3, lastBack / 1e3, drainedAtMillis / 1e3, drainMillis / 1e3,
                cleanStop == null ? "none, killed after 60 s" : String.format(Locale.ROOT, "%.1f s", cleanStop.toMillis() / 1e3)));
        out.append("  lag by consumer group at the end: ").append(lagByGroup).append('\n');
        appendChecks(out);
        return out.toString();
    }

    /** "3 partitions each (12 topics)", or each topic's count when they differ. */
    private String partitionSummary() {
        Set<Integer> counts = new TreeSet<>(partitions.values());
        return counts.size() == 1 ? counts.iterator().next() + " each (" + partitions.size() + " topics)" : partitions.toString();
    }
}
