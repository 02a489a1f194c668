package io.vigie.triage;

import io.vigie.test.VigieServiceTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one configuration of every integration test here, so they all share one started service (and one listener in
 * the triage-service group): test-support's service test with a viewer and a manager, and the active policy re-read
 * every half second.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigieServiceTest(properties = {
        "vigie.security.users[0].name=" + TriageIntegrationTest.VIEWER,
        "vigie.security.users[0].password={noop}viewer-secret",
        "vigie.security.users[0].roles=VIEWER",
        "vigie.security.users[1].name=" + TriageIntegrationTest.MANAGER,
        "vigie.security.users[1].password={noop}manager-secret",
        "vigie.security.users[1].roles=MANAGER",
        "vigie.triage.refresh-interval=500ms"})
public @interface TriageServiceTest {
}
