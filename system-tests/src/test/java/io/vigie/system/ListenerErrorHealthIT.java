package io.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.vigie.events.AlertRaised;
import io.vigie.events.Topics;
import io.vigie.localstack.DatabaseSettings;
import io.vigie.localstack.VigieService;
import io.vigie.test.DatabaseCoordinates;
import io.vigie.test.VigieInfrastructure;
import io.vigie.triage.TriageApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * A listener that throws an {@link Error} stops its container for good: the service no longer does its stage, and
 * its health must say so (DOWN, 503) so that an orchestrator restarts it.
 *
 * <p>No record makes a real listener throw an {@code Error} from outside, so this starts a triage-service from its
 * application class, on its own database and with its own listeners left unstarted (they would take partitions from
 * the stack's triage-service), plus one extra listener, in its own group on {@code vigie.alert-raised}, that throws
 * an {@code Error} on a marked alert. The alert comes in through the stack's real Splunk webhook.
 */
@ExtendWith(VigieSystemExtension.class)
class ListenerErrorHealthIT {

    private static final Duration STEP = Duration.ofSeconds(90);
    static final String FATAL_MARKER = "fatal-probe";

    private static VigieSystem system;

    @BeforeAll
    static void connect(VigieSystem vigie) {
        system = vigie;
    }

    @Test
    void shouldReportTheServiceDownOverHttpWhenAListenerThrowsAnError() {
        DatabaseCoordinates database = VigieInfrastructure.shared().createDatabase("triage");
        try (ConfigurableApplicationContext triage = system.startService(TriageApplication.application(),
                new DatabaseSettings(database.jdbcUrl(), database.username(), database.password()),
                List.of(FatalListener.class),
                // Details shown so the answer names the stopped listener; the status code is what an orchestrator reads.
                List.of("spring.kafka.listener.auto-startup=false", "management.endpoint.health.show-details=always"))) {
            String health = "http://127.0.0.1:" + VigieSystem.port(triage) + "/actuator/health";
            await().atMost(STEP).untilAsserted(() -> {
                HttpResponse<String> up = system.getAnonymous(health);
                assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
                assertThat(up.body()).contains("\"fatal-probe\":\"running\"");
            });

            // when an alert reaches the listener that throws an Error on it
            VigieSystem.Client client = system.newClient("energy", "scada-{id}.energy.example", "HIGH", "[]");
            HttpResponse<String> accepted = system.postSplunk("Access - Account locked out - Rule " + FATAL_MARKER,
                    client.asset(), "j.klein", "scheduler__admin__search__RMD5fatal_at_" + UUID.randomUUID());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

            // then its service answers DOWN, naming the stopped listener
            await().atMost(STEP).untilAsserted(() -> {
                HttpResponse<String> down = system.getAnonymous(health);
                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"fatal-probe\":\"stopped unexpectedly\"");
            });
            // while the stack's own triage-service, whose listeners did not fail on it, stays UP
            HttpResponse<String> stackTriage = system.getAnonymous(system.stack().service(VigieService.TRIAGE).healthUrl());
            assertThat(stackTriage.statusCode()).as(stackTriage.body()).isEqualTo(200);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FatalListener {

        @Bean
        FatalProbe fatalProbe() {
            return new FatalProbe();
        }
    }

    static class FatalProbe {

        // autoStartup overrides spring.kafka.listener.auto-startup=false, which keeps triage's own listeners idle.
        @KafkaListener(id = "fatal-probe", topics = Topics.ALERT_RAISED, groupId = "fatal-probe", autoStartup = "true",
                concurrency = "1")
        void on(AlertRaised alert) {
            if (alert.getTitle().contains(FATAL_MARKER)) {
                throw new LinkageError("simulated fatal error in a listener, on alert " + alert.getAlertId());
            }
        }
    }
}
