package io.vigie.load.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vigie.localstack.VigieService;
import io.vigie.test.DatabaseCoordinates;
import io.vigie.test.VigieInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack killed with SIGKILL under steady load and started again on its own data loses no acknowledged
 * alert, opens no second incident for one, and neither misses nor doubles a notice: on its embedded default (H2
 * files) and on PostgreSQL. {@link CrashRun} does the work and the checks; the load driver's {@code crash} mode runs the
 * same at a larger size.
 */
class CrashRecoveryIT {

    @Test
    void shouldLoseNothingAcknowledgedWhenTheEmbeddedStackIsKilledUnderLoad(@TempDir Path work) throws Exception {
        CrashReport report = crashRun("crash-h2", Map.of()).run(work);

        assertNothingLostOrDoubled(report);
    }

    @Test
    void shouldLoseNothingAcknowledgedWhenTheStackOnPostgresqlIsKilledUnderLoad(@TempDir Path work) throws Exception {
        Map<String, String> databases = new LinkedHashMap<>();
        for (VigieService service : VigieService.values()) {
            DatabaseCoordinates database = VigieInfrastructure.shared().createDatabase("crash_" + service.shortName());
            databases.put(service.environmentPrefix() + "URL", database.jdbcUrl());
            databases.put(service.environmentPrefix() + "USER", database.username());
            databases.put(service.environmentPrefix() + "PASSWORD", database.password());
        }

        CrashReport report = crashRun("crash-pg", databases).run(work);

        assertNothingLostOrDoubled(report);
    }

    private static CrashRun crashRun(String name, Map<String, String> environment) {
        // 40 alerts/s: the last half second before the kill alone held about 20 acknowledged alerts, which H2's write
        // delay lost, before its files were made durable at commit.
        CrashRun.Settings settings = new CrashRun.Settings(40, 8, 3, 5, 4, "768m", environment, Duration.ofMinutes(3));
        return new CrashRun(settings, name + "-" + Long.toString(System.currentTimeMillis(), 36), System.out::println);
    }

    private static void assertNothingLostOrDoubled(CrashReport report) {
        System.out.print(report.summary());
        assertThat(report.acceptedBeforeKill).as("alerts acknowledged before the kill").isPositive();
        assertThat(report.unansweredAtKill).as("requests in flight or refused at the kill").isPositive();
        assertThat(report.acceptedAfterRestart).as("alerts acknowledged after the restart").isPositive();
        assertThat(report.incidents).as("incidents").isPositive();
        assertThat(report.failures()).as(report.summary()).isEmpty();
    }
}
