package io.vigie.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands {@link VigieInfrastructure} to test constructors, test methods and lifecycle methods such as
 * {@code @BeforeAll}: {@code @ExtendWith(VigieInfrastructureExtension.class)}.
 * The infrastructure is the JVM-wide {@link VigieInfrastructure#shared()} one, started on first use.
 */
public final class VigieInfrastructureExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == VigieInfrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return VigieInfrastructure.shared();
    }
}
