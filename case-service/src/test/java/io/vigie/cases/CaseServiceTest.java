package io.vigie.cases;

import io.vigie.test.TestUsers;
import io.vigie.test.VigieServiceTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one configuration of every integration test here, so they all share one started service: test-support's
 * service test with four users, one per role.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigieServiceTest(properties = {TestUsers.ONE_PER_ROLE,
        "vigie.case.dashboard.notification-url=http://notification.test/",
        "vigie.outbox.poll-interval=200ms"})
public @interface CaseServiceTest {
}
