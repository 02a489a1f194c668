package io.vigie.postmortem;

import io.vigie.test.TestUsers;
import io.vigie.test.VigieServiceTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one configuration of every integration test here, so they all share one started service (Spring caches the
 * context by configuration): test-support's service test (real broker, registry and PostgreSQL) with a user per role.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigieServiceTest(properties = {TestUsers.ONE_PER_ROLE, "vigie.outbox.poll-interval=200ms"})
public @interface PostmortemServiceTest {
}
