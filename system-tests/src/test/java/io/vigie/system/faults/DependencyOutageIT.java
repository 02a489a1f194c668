package io.vigie.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.vigie.localstack.VigieService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One dependency of one service unavailable for 30 s while alerts flow, through a {@link TcpProxy} that drops its
 * connections and refuses new ones: the service's PostgreSQL, or the SMTP server. The 30 s are the fault itself (a
 * scheduler restores the dependency); the test waits for outcomes only.
 */
@ExtendWith(FaultStack.Shared.class)
class DependencyOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final ScheduledExecutorService restorer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopRestorer() {
        restorer.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(VigieService.class)
    void shouldHandleEveryAcceptedAlertOnceWhenAServicesDatabaseIsUnavailableFor30Seconds(VigieService service,
                                                                                        FaultStack faults) throws Exception {
        TcpProxy database = faults.database(service);
        try (FaultRun run = FaultRun.on(faults.stack(), service.shortName() + "-db")) {
            SiemDriver siem = run.driver();
            long startedAt = System.nanoTime();
            try {
                // given a steady load of 20 alerts/s for 40 s
                siem.send(800, 20);
                await().atMost(FaultRun.STEP).until(() -> siem.accepted().size() >= 40);

                // when the service's PostgreSQL goes away for 30 s
                database.cut();
                restorer.schedule(database::restore, OUTAGE.toMillis(), TimeUnit.MILLISECONDS);

                // then everything converges: nothing lost, nothing told twice
                run.assertEverythingAccountedFor();
            } finally {
                database.restore();
            }
            if (service == VigieService.ALERT_INTAKE) {
                // Intake cannot keep the evidence, so it took nothing and asked the SIEM to come back later, naming the
                // database (the broker was fine all along).
                assertThat(siem.unavailableReasons()).as("503 answers by reason")
                        .containsKey("storage_unavailable").containsOnlyKeys("storage_unavailable");
                assertThat(siem.unavailableWithoutRetryAfter()).as("503 answers without Retry-After").isZero();
            }
            await().atMost(FaultRun.STEP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(run.health(service)).as("%s health", service.applicationName()).isEqualTo(200));
            report(service.applicationName() + "'s PostgreSQL", siem, startedAt);
        }
    }

    @Test
    void shouldTellEveryClientOnceWhenTheSmtpServerIsUnavailableFor30Seconds(FaultStack faults) throws Exception {
        TcpProxy smtp = faults.smtp();
        // Not named after mail: triage-service reads an asset named like a mail server as one whose email may be
        // compromised, and notification-service then tells its clients by SMS instead.
        try (FaultRun run = FaultRun.on(faults.stack(), "notices")) {
            SiemDriver siem = run.driver();
            long startedAt = System.nanoTime();
            try {
                // given the SMTP server unavailable for the next 30 s
                smtp.cut();
                restorer.schedule(smtp::restore, OUTAGE.toMillis(), TimeUnit.MILLISECONDS);

                // when alerts open incidents whose notices must be emailed meanwhile
                siem.send(300, 20);

                // then every notice reaches its contact once the server is back, once
                run.assertEverythingAccountedFor();
            } finally {
                smtp.restore();
            }
            report("the SMTP server", siem, startedAt);
        }
    }

    private static void report(String dependency, SiemDriver siem, long startedAt) {
        System.out.printf("DependencyOutageIT[%s]: %d alerts accepted, %d answers 503/429 %s, %d attempts unanswered; "
                        + "converged %.1f s after the first alert%n", dependency, siem.accepted().size(),
                siem.unavailableAnswers(), siem.unavailableReasons(), siem.unreachableAttempts(),
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis() / 1000.0);
    }
}
