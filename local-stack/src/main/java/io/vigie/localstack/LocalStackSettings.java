package io.vigie.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What the local stack binds and where it keeps its data. Port 0 means any free port (the running stack reports the
 * one it got); the Kafka broker always picks its own free ports and keeps them in its data directory.
 *
 * <p>{@code serviceArguments} are extra Spring Boot arguments for one service, for callers (fault tests) that need a
 * setting the stack does not offer; they win over the stack's own arguments of the same name.
 */
public record LocalStackSettings(
        Path varDirectory,
        String bindAddress,
        int registryPort,
        int smtpPort,
        int mailboxPort,
        Map<VigieService, Integer> servicePorts,
        Map<VigieService, DatabaseSettings> databases,
        Map<VigieService, List<String>> serviceArguments) {

    public static final int DEFAULT_REGISTRY_PORT = 8081;
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_MAILBOX_PORT = 8025;
    static final String VAR_DIR_PROPERTY = "vigie.local-stack.var-dir";
    static final String PORT_OFFSET_PROPERTY = "vigie.local-stack.port-offset";

    static final String USAGE = """
            Usage: local-stack.sh [options]
              --var-dir=DIR          where the broker, registry and databases keep their data (default ./var,
                                     or -D%s=DIR)
              --port-offset=N        add N to every port below, e.g. 100 moves intake to 8180 (or -D%s=N)
              --registry-port=PORT   schema registry (default %d)
              --smtp-port=PORT       SMTP mailbox (default %d); its IMAP side, where clients' replies land,
                                     listens on PORT + 118 (3143 by default)
              --mailbox-port=PORT    the mailbox page: the emails clients would have received (default %d)
              --intake-port=PORT  --triage-port=PORT  --notification-port=PORT  --case-port=PORT  --postmortem-port=PORT
              --regulatory-port=PORT one service's HTTP port (defaults 8080, 8082, 8083, 8084, 8085, 8086); 0 = any
                                     free port
              --demo[=NAME,...]      once up, replay demo scenarios through the real webhooks: locked-account,
                                     personal-data, ddos, malware, phishing (default: all five)
            A service uses an embedded H2 database under <var-dir>/db/<name>, unless VIGIE_<NAME>_DB_URL (and
            VIGIE_<NAME>_DB_USER, VIGIE_<NAME>_DB_PASSWORD) point it at PostgreSQL, e.g.
              VIGIE_TRIAGE_DB_URL=jdbc:postgresql://localhost:5432/vigie_triage
            """.formatted(VAR_DIR_PROPERTY, PORT_OFFSET_PROPERTY, DEFAULT_REGISTRY_PORT, DEFAULT_SMTP_PORT,
            DEFAULT_MAILBOX_PORT);

    /** IMAP beside SMTP, as GreenMail's own defaults pair them (3025 and 3143); any free port when SMTP takes one. */
    static final int IMAP_PORT_DISTANCE = 118;

    public LocalStackSettings {
        Objects.requireNonNull(varDirectory, "varDirectory");
        Objects.requireNonNull(bindAddress, "bindAddress");
        checkPort("registry", registryPort);
        checkPort("SMTP", smtpPort);
        checkPort("IMAP", smtpPort == 0 ? 0 : smtpPort + IMAP_PORT_DISTANCE);
        checkPort("mailbox page", mailboxPort);
        EnumMap<VigieService, Integer> ports = new EnumMap<>(VigieService.class);
        for (VigieService service : VigieService.values()) {
            int port = servicePorts.getOrDefault(service, service.defaultPort());
            checkPort(service.applicationName(), port);
            ports.put(service, port);
        }
        servicePorts = Collections.unmodifiableMap(ports);
        databases = databases.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(databases));
        EnumMap<VigieService, List<String>> extra = new EnumMap<>(VigieService.class);
        serviceArguments.forEach((service, arguments) -> extra.put(service, List.copyOf(arguments)));
        serviceArguments = Collections.unmodifiableMap(extra);
    }

    /** Settings without extra service arguments (the stack's own arguments only). */
    public LocalStackSettings(Path varDirectory, String bindAddress, int registryPort, int smtpPort, int mailboxPort,
                              Map<VigieService, Integer> servicePorts, Map<VigieService, DatabaseSettings> databases) {
        this(varDirectory, bindAddress, registryPort, smtpPort, mailboxPort, servicePorts, databases, Map.of());
    }

    /** Everything on its usual port on 127.0.0.1, data under {@code ./var}. */
    public static LocalStackSettings defaults() {
        return new LocalStackSettings(Path.of("var"), "127.0.0.1", DEFAULT_REGISTRY_PORT, DEFAULT_SMTP_PORT,
                DEFAULT_MAILBOX_PORT, Map.of(), Map.of());
    }

    /**
     * Settings from the command line, over system properties, over the defaults; databases from
     * {@code VIGIE_<NAME>_DB_URL}-style environment variables.
     *
     * @throws IllegalArgumentException on an unknown option or a value that is not a port
     */
    public static LocalStackSettings fromCommandLine(String[] args, Map<String, String> environment, Properties systemProperties) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
            } else if (arg.indexOf('=') > 0) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("Option " + arg + " needs a value");
            }
        }

        String offset = options.remove("port-offset");
        if (offset == null) {
            offset = systemProperties.getProperty(PORT_OFFSET_PROPERTY, "0");
        }
        // The offset moves the defaults; a port given explicitly is taken as it is.
        LocalStackSettings settings = defaults().withPortOffset(parseInt("--port-offset", offset));
        String varDir = options.remove("var-dir");
        if (varDir == null) {
            varDir = systemProperties.getProperty(VAR_DIR_PROPERTY);
        }
        if (varDir != null && !varDir.isBlank()) {
            settings = settings.withVarDirectory(Path.of(varDir));
        }
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey();
            settings = switch (name) {
                case "registry-port" -> settings.withRegistryPort(parseInt("--" + name, option.getValue()));
                case "smtp-port" -> settings.withSmtpPort(parseInt("--" + name, option.getValue()));
                case "mailbox-port" -> settings.withMailboxPort(parseInt("--" + name, option.getValue()));
                default -> settings.withServicePort(serviceOption(name), parseInt("--" + name, option.getValue()));
            };
        }
        for (VigieService service : VigieService.values()) {
            Optional<DatabaseSettings> database = databaseFromEnvironment(service, environment);
            if (database.isPresent()) {
                settings = settings.withDatabase(service, database.get());
            }
        }
        return settings;
    }

    public LocalStackSettings withVarDirectory(Path directory) {
        return new LocalStackSettings(directory, bindAddress, registryPort, smtpPort, mailboxPort, servicePorts, databases, serviceArguments);
    }

    public LocalStackSettings withBindAddress(String address) {
        return new LocalStackSettings(varDirectory, address, registryPort, smtpPort, mailboxPort, servicePorts, databases, serviceArguments);
    }

    public LocalStackSettings withRegistryPort(int port) {
        return new LocalStackSettings(varDirectory, bindAddress, port, smtpPort, mailboxPort, servicePorts, databases, serviceArguments);
    }

    /** The mailbox's IMAP port: where notification-service reads the clients' replies. */
    public int imapPort() {
        return smtpPort == 0 ? 0 : smtpPort + IMAP_PORT_DISTANCE;
    }

    public LocalStackSettings withSmtpPort(int port) {
        return new LocalStackSettings(varDirectory, bindAddress, registryPort, port, mailboxPort, servicePorts, databases, serviceArguments);
    }

    public LocalStackSettings withMailboxPort(int port) {
        return new LocalStackSettings(varDirectory, bindAddress, registryPort, smtpPort, port, servicePorts, databases, serviceArguments);
    }

    public LocalStackSettings withServicePort(VigieService service, int port) {
        EnumMap<VigieService, Integer> ports = new EnumMap<>(servicePorts);
        ports.put(service, port);
        return new LocalStackSettings(varDirectory, bindAddress, registryPort, smtpPort, mailboxPort, ports, databases, serviceArguments);
    }

    /** Adds {@code offset} to every fixed port, so a second stack can run beside the first; 0 stays "any free port". */
    public LocalStackSettings withPortOffset(int offset) {
        if (offset == 0) {
            return this;
        }
        EnumMap<VigieService, Integer> ports = new EnumMap<>(VigieService.class);
        servicePorts.forEach((service, port) -> ports.put(service, shift(service.applicationName(), port, offset)));
        return new LocalStackSettings(varDirectory, bindAddress, shift("registry", registryPort, offset),
                shift("SMTP", smtpPort, offset), shift("mailbox page", mailboxPort, offset), ports, databases, serviceArguments);
    }

    /** Every port chosen by the system: for tests, and for a stack that must not clash with anything. */
    public LocalStackSettings withAnyFreePorts() {
        EnumMap<VigieService, Integer> ports = new EnumMap<>(VigieService.class);
        for (VigieService service : VigieService.values()) {
            ports.put(service, 0);
        }
        return new LocalStackSettings(varDirectory, bindAddress, 0, 0, 0, ports, databases, serviceArguments);
    }

    public LocalStackSettings withDatabase(VigieService service, DatabaseSettings database) {
        EnumMap<VigieService, DatabaseSettings> all = new EnumMap<>(VigieService.class);
        all.putAll(databases);
        all.put(service, database);
        return new LocalStackSettings(varDirectory, bindAddress, registryPort, smtpPort, mailboxPort, servicePorts, all, serviceArguments);
    }

    /**
     * Adds Spring Boot arguments ({@code --name=value}) for one service, after the stack's own: an argument with the
     * same name replaces the stack's (a fault test points notification-service's {@code spring.mail.port} at a proxy
     * it can cut, say). Given again for the same service, the arguments add up.
     */
    public LocalStackSettings withServiceArguments(VigieService service, String... arguments) {
        for (String argument : arguments) {
            if (!argument.startsWith("--") || argument.indexOf('=') < 3) {
                throw new IllegalArgumentException("A service argument must read --name=value, not '" + argument + "'");
            }
        }
        EnumMap<VigieService, List<String>> all = new EnumMap<>(VigieService.class);
        all.putAll(serviceArguments);
        List<String> merged = new ArrayList<>(all.getOrDefault(service, List.of()));
        merged.addAll(List.of(arguments));
        all.put(service, merged);
        return new LocalStackSettings(varDirectory, bindAddress, registryPort, smtpPort, mailboxPort, servicePorts, databases, all);
    }

    /** The extra arguments of one service, empty when none were given. */
    public List<String> serviceArguments(VigieService service) {
        return serviceArguments.getOrDefault(service, List.of());
    }

    public int servicePort(VigieService service) {
        return servicePorts.get(service);
    }

    /** The configured external database, or the service's embedded H2 file under {@code <var>/db/<name>}. */
    public DatabaseSettings database(VigieService service) {
        DatabaseSettings configured = databases.get(service);
        if (configured != null) {
            return configured;
        }
        return DatabaseSettings.embedded(varDirectory.resolve("db").resolve(service.shortName()), "vigie_" + service.shortName());
    }

    private static Optional<DatabaseSettings> databaseFromEnvironment(VigieService service, Map<String, String> environment) {
        String prefix = service.environmentPrefix();
        String url = environment.get(prefix + "URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        // The same defaults as the services' own configuration, so one PostgreSQL user can serve all six.
        String username = environment.getOrDefault(prefix + "USER", environment.getOrDefault("VIGIE_DB_USER", "vigie"));
        String password = environment.getOrDefault(prefix + "PASSWORD", environment.getOrDefault("VIGIE_DB_PASSWORD", "vigie"));
        return Optional.of(new DatabaseSettings(url, username, password));
    }

    private static VigieService serviceOption(String option) {
        for (VigieService service : VigieService.values()) {
            if (option.equals(service.shortName() + "-port")) {
                return service;
            }
        }
        throw new IllegalArgumentException("Unknown option --" + option);
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }

    private static int shift(String component, int port, int offset) {
        if (port == 0) {
            return 0;
        }
        int shifted = port + offset;
        if (shifted < 1 || shifted > 65535) {
            throw new IllegalArgumentException("Port offset " + offset + " moves the " + component + " port " + port
                    + " to " + shifted + ", outside 1-65535");
        }
        return shifted;
    }

    private static void checkPort(String component, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The " + component + " port must be between 0 and 65535, not " + port);
        }
    }
}
