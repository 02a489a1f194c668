package io.vigie.test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service started for its integration tests: through its {@code main} (so it finds its own configuration file and
 * migrations), on a random port, on the shared infrastructure ({@link VigieInfrastructureInitializer}), with an
 * {@link AdjustableClock} as its clock. The test classes of a module that use it with the same {@link #properties}
 * share one started service, so a module's base class or annotation names them once.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS)
@ContextConfiguration(initializers = VigieInfrastructureInitializer.class)
@Import(AdjustableClockConfiguration.class)
public @interface VigieServiceTest {

    /** The module's own settings, {@code key=value}; one may hold several lines ({@link TestUsers#ONE_PER_ROLE}). */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}
