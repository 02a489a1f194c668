package io.vigie.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.vigie.localstack.LocalStack;
import io.vigie.localstack.VigieService;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each service in turn runs as a child JVM in place of the stack's own, is killed with SIGKILL while alerts flow
 * through it (no graceful shutdown: no offsets committed, transactions cut short, an email perhaps half-recorded),
 * and is started again: its consumer group rebalances, the work resumes where the committed state says, and in the
 * end every accepted alert is handled once and every client told once per stage.
 */
@ExtendWith(FaultStack.Shared.class)
class ServiceKillIT {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @ParameterizedTest
    @EnumSource(VigieService.class)
    void shouldResumeWithNothingLostOrRepeatedWhenAServiceIsKilledInTheMiddleOfProcessing(VigieService victim,
                                                                                           FaultStack faults) throws Exception {
        LocalStack stack = faults.stack();
        String health = stack.service(victim).healthUrl();
        try (FaultRun run = FaultRun.on(stack, "kill-" + victim.shortName())) {
            SiemDriver siem = run.driver();
            long phase = System.nanoTime();
            stack.stopService(victim);
            ServiceProcess child = ServiceProcess.of(stack, victim, faults.directory());
            phase = lap(victim, "stopped in the stack", phase);
            long startedAt = System.nanoTime();
            try {
                // given the service in its own JVM, up
                child.start();
                awaitUp(health, child);
                phase = lap(victim, "child up", phase);

                // when it is killed while the SIEM's alerts flow through the pipeline, and started again
                siem.send(200, 20);
                // notification-service is busiest with the first alerts (each incident's INITIAL notices), the others
                // throughout: kill each when it has work in hand.
                int killAfter = victim == VigieService.NOTIFICATION ? 4 : 40;
                await().atMost(FaultRun.STEP).until(() -> siem.accepted().size() + siem.unavailableAnswers() >= killAfter);
                phase = lap(victim, "kill point reached", phase);
                child.kill();
                int acceptedWhenKilled = siem.accepted().size();
                phase = lap(victim, "killed", phase);
                child.start();
                awaitUp(health, child);
                phase = lap(victim, "child up again", phase);

                // then everything converges: nothing lost, nothing told twice
                run.assertEverythingAccountedFor();
                phase = lap(victim, "converged", phase);
                System.out.printf("ServiceKillIT[%s]: killed with %d of %d alerts accepted; %d alerts accepted, %d answers "
                                + "503/429, %d attempts unanswered; converged %.1f s after the first start%n",
                        victim.applicationName(), acceptedWhenKilled, siem.planned(), siem.accepted().size(),
                        siem.unavailableAnswers(), siem.unreachableAttempts(),
                        Duration.ofNanos(System.nanoTime() - startedAt).toMillis() / 1000.0);
            } finally {
                child.terminate();
                phase = lap(victim, "child terminated", phase);
                stack.startService(victim);
                lap(victim, "started in the stack again", phase);
            }
        }
    }

    private static long lap(VigieService victim, String phase, long since) {
        long now = System.nanoTime();
        System.out.printf("ServiceKillIT[%s]: %s after %.1f s%n", victim.applicationName(), phase, (now - since) / 1e9);
        return now;
    }

    private static void awaitUp(String health, ServiceProcess child) {
        await().atMost(FaultRun.STEP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(child.isAlive()).as("the child JVM runs; its log: %s", child.log()).isTrue();
            assertThat(status(health)).isEqualTo(200);
        });
    }

    private static int status(String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
