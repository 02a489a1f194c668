package io.vigie.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.vigie.localstack.DatabaseSettings;
import io.vigie.localstack.LocalStack;
import io.vigie.localstack.LocalStackSettings;
import io.vigie.localstack.VigieService;
import io.vigie.localstack.demo.SeedData;
import io.vigie.test.DatabaseCoordinates;
import io.vigie.test.VigieInfrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The stack every fault test runs on, started once per test JVM and shared by the fault test classes (each test keeps
 * to its own assets, so their incidents never meet): the real broker, registry and mailbox of the local stack and the
 * five services, each on its own real PostgreSQL database from test-support. Every database and the SMTP mailbox
 * are reached through a {@link TcpProxy}, so a test can take one of them away.
 *
 * <p>notification-service retries a failed email sooner and more often than in production (first retry after 2 s
 * instead of 30 s, at most 10 s apart instead of 15 min, 10 attempts instead of 4) and takes back a delivery left
 * half-sent by a killed process after 20 s instead of 5 min: the same behaviour on a clock that fits a test.
 */
final class FaultStack implements AutoCloseable {

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)(/.*)");

    private final LocalStack stack;
    private final Map<VigieService, TcpProxy> databases;
    private final TcpProxy smtp;
    private final Path directory;

    private FaultStack(LocalStack stack, Map<VigieService, TcpProxy> databases, TcpProxy smtp, Path directory) {
        this.stack = stack;
        this.databases = databases;
        this.smtp = smtp;
        this.directory = directory;
    }

    static FaultStack start() {
        Path directory = createTempDirectory();
        VigieInfrastructure infrastructure = VigieInfrastructure.shared();
        Map<VigieService, TcpProxy> databases = new EnumMap<>(VigieService.class);
        // The mailbox's port is known once the stack runs: the proxy gets its target then, before any email.
        TcpProxy smtp = TcpProxy.start("smtp", "127.0.0.1", 0);
        LocalStackSettings settings = LocalStackSettings.defaults().withVarDirectory(directory.resolve("var")).withAnyFreePorts()
                .withServiceArguments(VigieService.NOTIFICATION,
                        "--spring.mail.port=" + smtp.port(),
                        "--vigie.notification.delivery.initial-back-off=2s",
                        "--vigie.notification.delivery.max-back-off=10s",
                        "--vigie.notification.delivery.max-attempts=10",
                        "--vigie.notification.delivery.lease=20s");
        for (VigieService service : VigieService.values()) {
            DatabaseCoordinates database = infrastructure.createDatabase(service.shortName());
            Matcher url = POSTGRES_URL.matcher(database.jdbcUrl());
            if (!url.matches()) {
                throw new IllegalStateException("The fault tests need a PostgreSQL host:port to proxy, not " + database);
            }
            TcpProxy proxy = TcpProxy.start(service.shortName() + "-db", url.group(1), Integer.parseInt(url.group(2)));
            databases.put(service, proxy);
            settings = settings.withDatabase(service, new DatabaseSettings(
                    "jdbc:postgresql://127.0.0.1:" + proxy.port() + url.group(3), database.username(), database.password()));
        }
        LocalStack stack = LocalStack.start(settings);
        smtp.target(stack.smtpHost(), stack.smtpPort());
        SeedData.load(stack);
        return new FaultStack(stack, databases, smtp, directory);
    }

    LocalStack stack() {
        return stack;
    }

    TcpProxy database(VigieService service) {
        return databases.get(service);
    }

    TcpProxy smtp() {
        return smtp;
    }

    /** Where child JVMs write their logs. */
    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        stack.close();
        databases.values().forEach(TcpProxy::close);
        smtp.close();
        deleteRecursively(directory);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is no reason to fail the run.
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("vigie-faults");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives test classes the shared {@link FaultStack}, and closes it once every test of the JVM has run. */
    static final class Shared implements BeforeAllCallback, ParameterResolver {

        @Override
        public void beforeAll(ExtensionContext context) {
            instance(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == FaultStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return instance(context);
        }

        private static FaultStack instance(ExtensionContext context) {
            // The root store closes what it holds when the whole run ends, so the stack outlives each test class.
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(FaultStack.class, type -> FaultStack.start(), FaultStack.class);
        }
    }
}
