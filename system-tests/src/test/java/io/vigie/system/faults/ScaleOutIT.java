package io.vigie.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.vigie.events.Topics;
import io.vigie.system.ConsumerLag;
import io.vigie.localstack.LocalStack;
import io.vigie.localstack.VigieService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Vigie scaled out: <b>two instances of every service</b>, each pair sharing its database and consumer group on the
 * production partition count, one instance of each in the stack's JVM and the other in a JVM of its own. The SIEM
 * spreads its alerts over both alert-intake-service instances, a steady flow plus a storm about one host; meanwhile
 * the separate instance of each service in turn is killed with SIGKILL and started again, so each consumer group
 * rebalances twice while work is in flight. Then nothing may be lost or repeated ({@link FaultRun}'s checks: every
 * accepted alert raised and in its incident, each contact told once per stage, timelines intact, no dead letter), and
 * every service's consumer group has read everything (lag 0).
 */
@ExtendWith(FaultStack.Shared.class)
class ScaleOutIT {

    /** As deployed (deploy/k8s/base/kafka-topics.yaml) and as the services create them by default. */
    private static final int PRODUCTION_PARTITIONS = 3;
    private static final int STEADY_ALERTS = 600;
    private static final int STEADY_RATE = 20;
    private static final int STORM_ALERTS = 300;
    private static final int STORM_RATE = 150;
    // The kill order: notification-service first, while each incident's first notices are being sent.
    private static final List<VigieService> KILL_ORDER = List.of(VigieService.NOTIFICATION, VigieService.ALERT_INTAKE,
            VigieService.TRIAGE, VigieService.CASE, VigieService.POSTMORTEM, VigieService.REGULATORY);

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldLoseAndRepeatNothingWhenOneOfTwoInstancesOfEachServiceIsKilledUnderLoad(FaultStack faults)
            throws Exception {
        LocalStack stack = faults.stack();
        Set<String> topics = Topics.ALL.stream().map(topic -> topic.name()).collect(Collectors.toSet());
        assertThat(ConsumerLag.partitions(stack.kafkaBootstrapServers(), topics).values())
                .as("partitions of each topic").containsOnly(PRODUCTION_PARTITIONS);

        Map<VigieService, ServiceProcess> others = new EnumMap<>(VigieService.class);
        Map<VigieService, String> otherUrls = new EnumMap<>(VigieService.class);
        Map<String, Double> report = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (FaultRun run = FaultRun.on(stack, "scale")) {
            // given a second instance of each service, in its own JVM, beside the stack's
            for (VigieService service : VigieService.values()) {
                int port = freePort();
                ServiceProcess other = ServiceProcess.anotherInstance(stack, service, faults.directory(), port);
                others.put(service, other);
                otherUrls.put(service, withPort(stack.service(service).baseUrl(), port));
                other.start();
            }
            others.forEach((service, other) -> awaitUp(otherUrls.get(service), other));
            report.put("second instances up (s)", seconds(start));

            // when a SIEM sends to both intake instances, steadily and then a storm about one host, while one
            // instance of each service in turn is killed and started again
            SiemDriver siem = run.driver();
            siem.spreadOver(List.of(stack.webhookSources().splunkUrl(otherUrls.get(VigieService.ALERT_INTAKE))));
            long loadStart = System.nanoTime();
            siem.send(STEADY_ALERTS, STEADY_RATE);
            int every = STEADY_ALERTS / (KILL_ORDER.size() + 1);
            List<String> kills = new ArrayList<>();
            for (int i = 0; i < KILL_ORDER.size(); i++) {
                int killAfter = (i + 1) * every / 2;
                await().atMost(FaultRun.STEP).until(() -> siem.accepted().size() >= killAfter);
                if (i == 2) {
                    siem.storm(STORM_ALERTS, STORM_RATE, run.hosts().get(0));
                }
                VigieService victim = KILL_ORDER.get(i);
                others.get(victim).kill();
                kills.add(victim.shortName() + "@" + siem.accepted().size());
                others.get(victim).start();
            }
            others.forEach((service, other) -> awaitUp(otherUrls.get(service), other));
            report.put("all killed and back up (s)", seconds(loadStart));

            // then every alert is accounted for, once, and every consumer group has read everything
            run.assertEverythingAccountedFor();
            report.put("converged after the first alert (s)", seconds(loadStart));
            await().atMost(FaultRun.STEP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(ConsumerLag.ofServiceGroups(stack.kafkaBootstrapServers()).values())
                            .as("lag of the services' consumer groups").isNotEmpty().containsOnly(0L));
            report.put("lag 0 after the first alert (s)", seconds(loadStart));
            for (VigieService service : VigieService.values()) {
                assertThat(others.get(service).isAlive()).as("%s's second instance runs; its log: %s",
                        service.applicationName(), others.get(service).log()).isTrue();
            }
            System.out.printf("ScaleOutIT: %d alerts (%d steady at %d/s, a storm of %d at %d/s about one host) over "
                            + "two intake instances, %d answers 503/429, %d attempts unanswered; killed (instance@accepted): "
                            + "%s; %s%n", siem.planned(), STEADY_ALERTS, STEADY_RATE, STORM_ALERTS, STORM_RATE,
                    siem.unavailableAnswers(), siem.unreachableAttempts(), kills, report);
        } finally {
            others.values().forEach(ServiceProcess::terminate);
        }
    }

    private static void awaitUp(String baseUrl, ServiceProcess process) {
        await().atMost(FaultRun.STEP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(process.isAlive()).as("the child JVM runs; its log: %s", process.log()).isTrue();
            assertThat(status(baseUrl + "/actuator/health")).isEqualTo(200);
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

    private static String withPort(String baseUrl, int port) {
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getHost() + ":" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }
}
