package io.vigie.intake;

import io.vigie.test.VigieServiceTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one configuration of every integration test here, so they all share one started service: test-support's
 * service test with one source of each kind (see {@link IntakeITSupport}) and an analyst.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigieServiceTest(properties = {
        "vigie.intake.sources.splunk-paris.type=splunk",
        "vigie.intake.sources.splunk-paris.tokens=" + IntakeITSupport.SPLUNK_TOKEN + ",splunk-token-next",
        "vigie.intake.sources.prometheus-prod.type=alertmanager",
        "vigie.intake.sources.prometheus-prod.tokens=" + IntakeITSupport.ALERTMANAGER_TOKEN,
        "vigie.intake.sources.prometheus-prod.clients=acme",
        "vigie.intake.sources.grafana.type=alertmanager",
        "vigie.intake.sources.grafana.tokens=" + IntakeITSupport.ALERTMANAGER_TOKEN,
        "vigie.intake.sources.wazuh-lyon.type=wazuh",
        "vigie.intake.sources.wazuh-lyon.tokens=" + IntakeITSupport.WAZUH_TOKEN,
        "vigie.intake.sources.wazuh-lyon.client-hint=lyon-hospital",
        "vigie.intake.sources.kibana.type=elastic",
        "vigie.intake.sources.kibana.tokens=" + IntakeITSupport.KIBANA_TOKEN,
        "vigie.intake.sources.soar.type=generic",
        "vigie.intake.sources.soar.hmac-secrets=" + IntakeITSupport.OLD_SECRET + "," + IntakeITSupport.NEW_SECRET,
        "vigie.intake.sources.soar.tokens=" + IntakeITSupport.GENERIC_TOKEN,
        "vigie.intake.sources.soar.max-body-size=64KB",
        "vigie.intake.sources.soar.clients[0]=acme",
        "vigie.intake.sources.soar.clients[1]=globex",
        "vigie.intake.sources.chatty.type=generic",
        "vigie.intake.sources.chatty.tokens=" + IntakeITSupport.GENERIC_TOKEN,
        "vigie.intake.sources.chatty.rate.per-second=0.01",
        "vigie.intake.sources.chatty.rate.burst=2",
        "vigie.security.users[0].name=analyst",
        "vigie.security.users[0].password={noop}analyst-password",
        "vigie.security.users[0].roles=ANALYST"})
public @interface IntakeServiceTest {
}
