package io.vigie.intake.publish;

import io.vigie.intake.IntakeITSupport;
import io.vigie.platform.kafka.broker.LocalKafkaBroker;
import io.vigie.test.VigieInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Never lost: while the broker is down the sender is told to retry and nothing is kept; once back, one alert. */
class BrokerOutageIT extends IntakeITSupport {

    private final VigieInfrastructure infrastructure = VigieInfrastructure.shared();

    @AfterEach
    void brokerBackUp() {
        infrastructure.kafkaBroker().filter(broker -> !broker.isRunning()).ifPresent(LocalKafkaBroker::start);
    }

    @Test
    void shouldAnswer503WhileTheBrokerIsDownAndAcceptTheRetryExactlyOnceWhenItIsBack() {
        assumeTrue(infrastructure.kafkaBroker().isPresent(), "needs the in-process broker to stop it");
        LocalKafkaBroker broker = infrastructure.kafkaBroker().orElseThrow();
        String id = newId();
        String alert = payload("wazuh-alert.json", id);
        // given the service has published before, so its producer knows the cluster
        post("/webhooks/wazuh/wazuh-lyon", payload("wazuh-alert.json", newId()), "Authorization", bearer(WAZUH_TOKEN));

        // when the broker goes down
        broker.stop();
        HttpResponse<String> duringOutage = post("/webhooks/wazuh/wazuh-lyon", alert,
                "Authorization", bearer(WAZUH_TOKEN));
        HttpResponse<String> health = get("/actuator/health");

        // then the sender is told to come back, the service reports itself down, and nothing is kept
        assertThat(duringOutage.statusCode()).isEqualTo(503);
        assertThat(duringOutage.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(duringOutage.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health).get("components").get("kafkaBroker").get("status").stringValue()).isEqualTo("DOWN");
        assertThat(rows("intake_alert", "source_reference = ?", "1763863152." + id)).isZero();

        // and once the broker is back, the retry is accepted, and a second retry is a duplicate
        broker.start();
        HttpResponse<String> retry = post("/webhooks/wazuh/wazuh-lyon", alert, "Authorization", bearer(WAZUH_TOKEN));
        HttpResponse<String> again = post("/webhooks/wazuh/wazuh-lyon", alert, "Authorization", bearer(WAZUH_TOKEN));

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("duplicate").booleanValue()).isTrue();
        assertThat(publishedFrom("wazuh-lyon", id)).extracting(p -> p.event().getAlertId().toString())
                .containsExactly(json(retry).get("alertId").stringValue());
        assertThat(rows("intake_alert", "source_reference = ?", "1763863152." + id)).isOne();
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }
}
