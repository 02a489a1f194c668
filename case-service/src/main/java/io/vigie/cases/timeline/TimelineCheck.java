package io.vigie.cases.timeline;

import io.vigie.cases.timeline.internal.DirectTimelines;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/**
 * The command-line check of the hash chains, for an auditor who trusts neither the running service nor its
 * dashboard: reads the database directly and prints, for each incident, "intact" or the first broken entry.
 * Exit code 0 when every chain holds, 1 when one is broken, 2 on a usage or connection error.
 *
 * <pre>
 * java -cp case-service-0.1.0-SNAPSHOT-exec.jar -Dloader.main=io.vigie.cases.timeline.TimelineCheck \
 *     org.springframework.boot.loader.launch.PropertiesLauncher JDBC_URL USER PASSWORD [INCIDENT_ID]
 * </pre>
 */
public final class TimelineCheck {

    private TimelineCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 3 || args.length > 4) {
            err.println("usage: TimelineCheck JDBC_URL USER PASSWORD [INCIDENT_ID]");
            return 2;
        }
        try (DirectTimelines timelines = new DirectTimelines(args[0], args[1], args[2])) {
            List<UUID> incidents = args.length == 4 ? List.of(UUID.fromString(args[3])) : timelines.rows().incidents();
            int broken = 0;
            for (UUID incident : incidents) {
                ChainVerification verification = HashChain.verify(incident, timelines.rows().entries(incident));
                out.println(verification.describe());
                if (!verification.intact()) {
                    broken++;
                }
            }
            out.println(incidents.size() + " incident(s) checked, " + broken + " broken");
            return broken == 0 ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("cannot check the timelines: " + e.getMessage());
            return 2;
        }
    }
}
