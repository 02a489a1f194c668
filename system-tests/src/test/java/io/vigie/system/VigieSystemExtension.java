package io.vigie.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a {@link VigieSystem}: the one stack of the whole test run, started on first use and stopped when the
 * last test class is done. Starting it costs about 10 s on two cores, so every system test shares it; each test makes
 * its own clients and assets ({@link VigieSystem#newClient}) so that none sees another's incidents or emails.
 */
public final class VigieSystemExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(VigieSystemExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == VigieSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store is closed after the last test class, before the JVM's shutdown hooks stop PostgreSQL: the
        // services stop while their databases are still there.
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(VigieSystem.class, type -> VigieSystem.start(),
                VigieSystem.class);
    }
}
