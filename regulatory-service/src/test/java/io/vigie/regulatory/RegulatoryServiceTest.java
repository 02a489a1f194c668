package io.vigie.regulatory;

import io.vigie.test.TestUsers;
import io.vigie.test.VigieServiceTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one configuration of every integration test here, so they all share one started service: test-support's
 * service test (real broker, registry and PostgreSQL, a clock the tests move forward) with a user per role. The
 * scheduled clock runs hourly only: the tests tick it themselves, at the instants they choose.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigieServiceTest(properties = {TestUsers.ONE_PER_ROLE, "vigie.outbox.poll-interval=200ms",
        "vigie.regulatory.clock.interval=1h"})
public @interface RegulatoryServiceTest {
}
