package io.vigie.system.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.vigie.platform.kafka.broker.LocalKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker goes away in the middle of a steady stream of webhooks and comes back: intake answers 503 meanwhile, the
 * SIEM retries, the services reconnect by themselves, and in the end every accepted alert is handled once.
 */
@ExtendWith(FaultStack.Shared.class)
class BrokerRestartIT {

    @Test
    void shouldHandleEveryAcceptedAlertOnceWhenTheBrokerStopsAndRestartsUnderSteadyLoad(FaultStack faults) throws Exception {
        LocalKafkaBroker broker = faults.stack().kafkaBroker();
        try (FaultRun run = FaultRun.on(faults.stack(), "broker")) {
            SiemDriver siem = run.driver();
            long startedAt = System.nanoTime();
            try {
                // given a steady load of 20 alerts/s for 20 s
                siem.send(400, 20);
                await().atMost(FaultRun.STEP).until(() -> siem.accepted().size() >= 60);

                // when the broker stops, for as long as it takes the SIEM to be told so a few times, then restarts
                broker.stop();
                await().atMost(FaultRun.STEP).until(() -> siem.unavailableAnswers() + siem.unreachableAttempts() >= 20);
                broker.start();
            } finally {
                broker.start();
            }

            // then everything converges: nothing lost, nothing told twice
            run.assertEverythingAccountedFor();
            System.out.printf("BrokerRestartIT: %d alerts accepted, %d answers 503/429, %d attempts unanswered; "
                            + "converged %.1f s after the first alert%n", siem.accepted().size(), siem.unavailableAnswers(),
                    siem.unreachableAttempts(), Duration.ofNanos(System.nanoTime() - startedAt).toMillis() / 1000.0);
        }
    }
}
