package io.vigie.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vigie.notification.delivery.LocalSmsSink;
import io.vigie.platform.kafka.broker.LocalKafkaBroker;
import io.vigie.platform.registry.SchemaRegistryServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Vigie on one machine, in one JVM: a real Kafka broker, the schema registry, an SMTP mailbox and the six services,
 * each service in its own Spring context with its own configuration, port and database.
 *
 * <p>{@link #close()} stops them in the reverse order, so no service loses its broker, registry or mailbox while it is
 * still shutting down.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final LocalStackSettings settings;
    private final Path varDirectory;
    private final Consumer<String> progress;
    private final Map<VigieService, ConfigurableApplicationContext> contexts = new EnumMap<>(VigieService.class);
    private final Map<VigieService, RunningService> services = new EnumMap<>(VigieService.class);
    private final Map<VigieService, Integer> lastPorts = new EnumMap<>(VigieService.class);
    private LocalKafkaBroker broker;
    private SchemaRegistryServer registry;
    private GreenMail mailbox;
    private MailboxPage mailboxPage;
    private LocalUsers users;
    private boolean usersMadeNow;
    private LocalWebhookSources webhookSources;
    private LocalRegistryUser registryUser;
    private int smtpPort;
    private int imapPort;
    private String repliesPassword;

    /** Where clients' replies go (plus-addressed per incident and contact), read by notification-service over IMAP. */
    public static final String REPLIES_ADDRESS = "replies@soc.vigie.local";
    private static final String LINK_SECRET_FILE = "local-link-secret.properties";
    private static final String LINK_SECRET = "vigie.notification.links.secret";

    /** The SOC communications team's mailbox: told when a client asks a question. */
    public static final String COMMS_ADDRESS = "comms@soc.vigie.local";
    /** The SOC managers' mailbox: warned when a report the law asks of a client is due soon or overdue. */
    public static final String MANAGERS_ADDRESS = "managers@soc.vigie.local";
    private Duration startupTime;
    private boolean closed;
    private volatile boolean stopRequested;

    LocalStack(LocalStackSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.varDirectory = settings.varDirectory().toAbsolutePath().normalize();
        this.progress = progress;
    }

    /** Starts everything and returns once all six services are up; on any failure stops what already started. */
    public static LocalStack start(LocalStackSettings settings) {
        return start(settings, message -> log.info("{}", message));
    }

    /** As {@link #start(LocalStackSettings)}, reporting each step to {@code progress}. */
    public static LocalStack start(LocalStackSettings settings, Consumer<String> progress) {
        LocalStack stack = new LocalStack(settings, progress);
        stack.start();
        return stack;
    }

    // Synchronized with close(): a Ctrl-C during start-up lets the component being started finish, starts no other,
    // and then stops everything cleanly.
    synchronized void start() {
        if (closed || startupTime != null) {
            throw new IllegalStateException("A local stack starts only once");
        }
        long startedAt = System.nanoTime();
        try {
            createOwnerOnlyDirectory(varDirectory);
            usersMadeNow = !Files.exists(varDirectory.resolve(LocalUsers.FILE));
            users = LocalUsers.loadOrCreate(varDirectory);
            webhookSources = LocalWebhookSources.loadOrCreate(varDirectory);
            registryUser = LocalRegistryUser.loadOrCreate(varDirectory);
            PortClaim.requireFree(settings.bindAddress(), portClaims());
            startBroker();
            checkNotStopped();
            startRegistry();
            checkNotStopped();
            startMailbox();
            startServices();
        } catch (RuntimeException e) {
            stopAll();
            closed = true;
            throw e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
    }

    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    public String smtpHost() {
        return urlHost();
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /**
     * Answers a notice as its recipient would from their mail program: the reply (their text, the notice quoted,
     * threaded) lands in the SOC's replies mailbox, which notification-service reads over IMAP.
     */
    public void replyAsClient(MimeMessage notice, String text) {
        replyAs(notice, null, text);
    }

    /**
     * The same reply sent by {@code from} instead of the notice's recipient: someone else using a contact's reply
     * address (another client's contact, a forger), which notification-service must quarantine.
     */
    public void replyAs(MimeMessage notice, String from, String text) {
        try {
            MimeMessage reply = MailboxPage.reply(notice, text, REPLIES_ADDRESS);
            if (from != null) {
                reply.setFrom(new InternetAddress(from));
                reply.saveChanges();
            }
            mailbox.getUserManager().getUserByEmail(REPLIES_ADDRESS).deliver(reply);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("The reply could not be delivered", e);
        }
    }

    /**
     * The registry client settings of a service on this stack (Spring Boot arguments): its registry lets only the
     * services' user write, and a producer registers its schema on its first record.
     */
    public List<String> registryClientArguments() {
        return registryUser.asArguments();
    }

    /** One user per role, for the dashboard and the APIs of every service. */
    public LocalUsers users() {
        return users;
    }

    /**
     * Whether this start made the users' passwords (the first start on this directory): the summary shows them then,
     * and afterwards only points at the file.
     */
    boolean usersMadeNow() {
        return usersMadeNow;
    }

    /** The alert sources alert-intake-service accepts, with their tokens and HMAC secret. */
    public LocalWebhookSources webhookSources() {
        return webhookSources;
    }

    /**
     * Every email the services sent so far, oldest first: what the clients would have received, for a caller (a
     * system test) that checks it without going through the mailbox page.
     */
    public List<MimeMessage> receivedMessages() {
        return List.of(mailbox.getReceivedMessages());
    }

    /** The page listing every email the services sent, newest first. */
    public String mailboxUrl() {
        return baseUrl(mailboxPage.port());
    }

    /** The six services, in pipeline order. */
    public List<RunningService> services() {
        return List.copyOf(services.values());
    }

    public RunningService service(VigieService service) {
        return services.get(service);
    }

    /**
     * The broker itself, for fault tests: {@link LocalKafkaBroker#stop()} takes it away and {@link LocalKafkaBroker#start()}
     * brings it back on the same address and data, while the services reconnect by themselves.
     */
    public LocalKafkaBroker kafkaBroker() {
        return broker;
    }

    /**
     * The command-line arguments the stack runs {@code service} with (its settings' extra arguments included), so a
     * caller can run the service elsewhere exactly as the stack would, in a child JVM with the service's main class,
     * say. Once the service has run, its port is the one it had, so a replacement answers at the same address.
     */
    public synchronized List<String> launchArguments(VigieService service) {
        return List.of(arguments(service));
    }

    /**
     * Stops one service gracefully and leaves the rest running; {@link #service(VigieService)} is null until it is
     * started again. Does nothing if it is not running.
     */
    public synchronized void stopService(VigieService service) {
        ConfigurableApplicationContext context = contexts.remove(service);
        if (context != null) {
            services.remove(service);
            stop(service.applicationName(), context::close);
        }
    }

    /**
     * Starts one service again in this JVM after {@link #stopService(VigieService)}, on the port it had; does nothing if
     * it is running.
     */
    public synchronized RunningService startService(VigieService service) {
        if (closed) {
            throw new IllegalStateException("The local stack is closed");
        }
        if (!contexts.containsKey(service)) {
            progress.accept("starting " + service.applicationName() + "…");
            register(service, runService(service));
        }
        return services.get(service);
    }

    public Path varDirectory() {
        return varDirectory;
    }

    /** From the call to start until the last service was up. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Stops the services, then the mailbox, the registry and the broker; safe to call more than once. The addresses
     * stay readable afterwards, which lets a caller check that they no longer answer.
     */
    @Override
    public void close() {
        stopRequested = true;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopAll();
        }
    }

    /** Whether {@link #close()} was called, possibly while the stack was still starting. */
    boolean stopRequested() {
        return stopRequested;
    }

    private void checkNotStopped() {
        if (stopRequested) {
            throw new IllegalStateException("The local stack was stopped while it was starting");
        }
    }

    private void startBroker() {
        progress.accept("starting Kafka broker…");
        long startedAt = System.nanoTime();
        broker = LocalKafkaBroker.start(varDirectory.resolve("kafka"));
        progress.accept("  Kafka broker up at " + broker.bootstrapServers() + since(startedAt));
    }

    private void startRegistry() {
        progress.accept("starting schema registry…");
        long startedAt = System.nanoTime();
        Path directory = varDirectory.resolve("registry");
        // Writes only for the services' user: anyone reaching the port could otherwise register, change compatibility
        // or delete subjects.
        registry = SchemaRegistryServer.start(directory, settings.registryPort() == 0 ? "127.0.0.1" : settings.bindAddress(),
                settings.registryPort(), registryUser.access());
        progress.accept("  schema registry up at " + registry.url() + since(startedAt));
    }

    private void startMailbox() {
        progress.accept("starting SMTP mailbox…");
        long startedAt = System.nanoTime();
        ServerSetup smtp = new ServerSetup(settings.smtpPort(), settings.bindAddress(), ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(settings.imapPort(), settings.bindAddress(), ServerSetup.PROTOCOL_IMAP);
        if (settings.smtpPort() == 0) {
            smtp = smtp.dynamicPort();
            imap = imap.dynamicPort();
        }
        // Catches every message to any address: the services may send to whatever client contacts they hold. The
        // replies mailbox is the one account with a password: notification-service reads the clients' replies there.
        GreenMail starting = new GreenMail(new ServerSetup[] {smtp, imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        starting.start();
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        repliesPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        starting.setUser(REPLIES_ADDRESS, REPLIES_ADDRESS, repliesPassword);
        mailbox = starting;
        smtpPort = starting.getSmtp().getPort();
        imapPort = starting.getImap().getPort();
        mailboxPage = MailboxPage.start(starting, this::textMessages, REPLIES_ADDRESS, settings.bindAddress(),
                settings.mailboxPort());
        progress.accept("  SMTP mailbox up at " + urlHost() + ":" + smtpPort + " (IMAP " + imapPort + "), page at "
                + mailboxUrl() + since(startedAt));
    }

    /** What notification-service's local SMS provider took, for the mailbox page; nothing while it is not running. */
    private List<MailboxPage.TextMessage> textMessages() {
        try {
            ConfigurableApplicationContext notification = contexts.get(VigieService.NOTIFICATION);
            LocalSmsSink sink = notification == null || !notification.isActive() ? null
                    : notification.getBeanProvider(LocalSmsSink.class).getIfAvailable();
            return sink == null ? List.of() : sink.log().stream().map(received -> new MailboxPage.TextMessage(
                    received.at(), received.message().to(), received.message().text(), received.message().voice()))
                    .toList();
        } catch (RuntimeException e) {
            // Stopping or restarting meanwhile: the page shows none this time.
            return List.of();
        }
    }

    // One after another: on two cores, side by side was measured barely faster (about 5%) and used more memory,
    // since the services spend their start-up loading the same classes.
    private void startServices() {
        for (VigieService service : VigieService.values()) {
            checkNotStopped();
            progress.accept("starting " + service.applicationName() + "…");
            register(service, runService(service));
        }
    }

    private ConfigurableApplicationContext runService(VigieService service) {
        long startedAt = System.nanoTime();
        ConfigurableApplicationContext context;
        try {
            context = service.application()
                    .bannerMode(Banner.Mode.OFF)
                    // The stack stops the services itself, before the broker they depend on.
                    .registerShutdownHook(false)
                    .run(arguments(service));
        } catch (RuntimeException e) {
            PortInUseException portInUse = findCause(e, PortInUseException.class);
            if (portInUse != null) {
                throw new PortTakenException(new PortClaim(service.applicationName(), "--" + service.shortName() + "-port",
                        portInUse.getPort()), settings.bindAddress(), e);
            }
            throw new IllegalStateException(service.applicationName() + " did not start: " + e.getMessage(), e);
        }
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        progress.accept("  " + service.applicationName() + " up at " + baseUrl(port) + since(startedAt));
        return context;
    }

    private static String randomHex() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(settings.bindAddress()))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + settings.bindAddress(), e);
        }
    }

    private void register(VigieService service, ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        contexts.put(service, context);
        lastPorts.put(service, port);
        services.put(service, new RunningService(service, baseUrl(port), port, settings.database(service)));
    }

    /**
     * Passed as command-line arguments because those outrank the service's own {@code <name>.yml}, which sets the
     * same keys for a standalone run. The settings' extra arguments for the service come last and replace the stack's
     * of the same name: two values of one name would reach Spring joined by a comma.
     */
    private String[] arguments(VigieService service) {
        DatabaseSettings database = settings.database(service);
        if (database.isEmbedded()) {
            createDirectory(varDirectory.resolve("db").resolve(service.shortName()));
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + lastPorts.getOrDefault(service, settings.servicePort(service)),
                "--server.address=" + settings.bindAddress(),
                // Six contexts in one JVM would register clashing MBean names.
                "--spring.jmx.enabled=false",
                // In one JVM the global registry would mix the six services' meters and keep closed contexts alive.
                "--management.metrics.use-global-registry=false",
                // Boot's own hook would stop logging while the stack is still stopping the services.
                "--logging.register-shutdown-hook=false",
                // Boot's log pattern takes the application name from a JVM-wide property: the last service to start
                // would name every line.
                "--logging.include-application-name=false",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                // A crashed stack's consumers stay members of their groups until their session times out, and the
                // restarted ones wait for that before they get a partition: with Kafka's 45 s, a restart after kill -9
                // took 35 s longer than a clean one to drain. Heartbeats never leave the machine here, so the broker's
                // shortest session (6 s) fences nothing alive; a deployment keeps Kafka's defaults.
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                "--spring.mail.host=" + urlHost(),
                "--spring.mail.port=" + smtpPort,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password()));
        arguments.addAll(users.asArguments());
        arguments.addAll(registryUser.asArguments());
        if (service == VigieService.ALERT_INTAKE) {
            arguments.addAll(webhookSources.asArguments());
        }
        if (service == VigieService.NOTIFICATION) {
            // The mailbox page is also the clients' ticketing system here (POST /tickets/<client>): on this machine,
            // which notification-service refuses to call unless told it is a local sink.
            arguments.add("--vigie.notification.webhook.allowed-hosts[0]=" + urlHost());
            arguments.add("--vigie.notification.webhook.allow-loopback=true");
            // Replies to notices come back through the mailbox's IMAP side; the comms team is told in its mailbox.
            arguments.add("--vigie.notification.replies.address=" + REPLIES_ADDRESS);
            arguments.add("--vigie.notification.replies.imap.host=" + urlHost());
            arguments.add("--vigie.notification.replies.imap.port=" + imapPort);
            arguments.add("--vigie.notification.replies.imap.username=" + REPLIES_ADDRESS);
            arguments.add("--vigie.notification.replies.imap.password=" + repliesPassword);
            arguments.add("--vigie.notification.replies.imap.ssl=false");
            arguments.add("--vigie.notification.replies.imap.poll-interval=2s");
            arguments.add("--vigie.notification.comms.address=" + COMMS_ADDRESS);
            arguments.add("--vigie.notification.managers.address=" + MANAGERS_ADDRESS);
            // regulatory-service starts after notification-service: its port is known here unless it is "any free".
            RunningService regulatory = services.get(VigieService.REGULATORY);
            int regulatoryPort = regulatory != null ? regulatory.port() : settings.servicePort(VigieService.REGULATORY);
            if (regulatoryPort != 0) {
                arguments.add("--vigie.notification.managers.regulatory-url=" + baseUrl(regulatoryPort)
                        + "/regulatory/incidents/{incidentId}");
            }
            RunningService cases = services.get(VigieService.CASE);
            int casePort = cases != null ? cases.port() : settings.servicePort(VigieService.CASE);
            if (casePort != 0) {
                arguments.add("--vigie.notification.comms.case-url=" + baseUrl(casePort) + "/dashboard/cases/{incidentId}");
            }
        }
        if (service == VigieService.NOTIFICATION) {
            // The links in the notices (acknowledgement, question, survey, status page) must point at this stack's
            // notification-service, wherever it runs: on "any free port", one is taken now and kept across restarts.
            int port = lastPorts.computeIfAbsent(service, unused -> settings.servicePort(service) != 0
                    ? settings.servicePort(service) : freePort());
            arguments.set(0, "--server.port=" + port);
            arguments.add("--vigie.notification.links.base-url=" + baseUrl(port));
            // Made once and kept in var/: the links already in the mailbox keep working after a restart.
            arguments.add("--vigie.notification.links.secret=" + LocalSecrets.loadOrCreate(
                    varDirectory.resolve(LINK_SECRET_FILE), List.of(LINK_SECRET), LocalStack::randomHex,
                    "The key that signs the links in notices (acknowledgement, question, survey, status page)")
                    .get(LINK_SECRET));
        }
        if (service == VigieService.CASE) {
            // The case dashboard links a notice held for review to its preview in notification-service.
            RunningService notification = services.get(VigieService.NOTIFICATION);
            if (notification != null) {
                arguments.add("--vigie.case.dashboard.notification-url=" + notification.baseUrl());
            } else if (settings.servicePort(VigieService.NOTIFICATION) != 0) {
                arguments.add("--vigie.case.dashboard.notification-url="
                        + baseUrl(settings.servicePort(VigieService.NOTIFICATION)));
            }
        }
        for (String extra : settings.serviceArguments(service)) {
            String name = extra.substring(0, extra.indexOf('=') + 1);
            arguments.removeIf(argument -> argument.startsWith(name));
            arguments.add(extra);
        }
        return arguments.toArray(String[]::new);
    }

    private List<PortClaim> portClaims() {
        List<PortClaim> claims = new ArrayList<>();
        claims.add(new PortClaim("schema registry", "--registry-port", settings.registryPort()));
        claims.add(new PortClaim("SMTP mailbox", "--smtp-port", settings.smtpPort()));
        claims.add(new PortClaim("IMAP mailbox", "--smtp-port (+118)", settings.imapPort()));
        claims.add(new PortClaim("mailbox page", "--mailbox-port", settings.mailboxPort()));
        for (VigieService service : VigieService.values()) {
            claims.add(new PortClaim(service.applicationName(), "--" + service.shortName() + "-port", settings.servicePort(service)));
        }
        return claims;
    }

    private void stopAll() {
        List<VigieService> started = new ArrayList<>(contexts.keySet());
        for (int i = started.size() - 1; i >= 0; i--) {
            VigieService service = started.get(i);
            stop(service.applicationName(), () -> contexts.remove(service).close());
        }
        if (mailboxPage != null) {
            stop("mailbox page", mailboxPage::close);
        }
        if (mailbox != null) {
            stop("SMTP mailbox", mailbox::stop);
        }
        if (registry != null) {
            stop("schema registry", registry::close);
        }
        if (broker != null) {
            stop("Kafka broker", broker::close);
        }
    }

    // One component failing to stop must not leave the later ones (the broker above all) running.
    private void stop(String component, ThrowingRunnable stopping) {
        progress.accept("stopping " + component + "…");
        try {
            stopping.run();
        } catch (Exception e) {
            log.warn("The {} did not stop cleanly", component, e);
            progress.accept("  the " + component + " did not stop cleanly: " + e.getMessage());
        }
    }

    private String baseUrl(int port) {
        return "http://" + urlHost() + ":" + port;
    }

    /** The address clients use: a wildcard bind is reached through loopback. */
    private String urlHost() {
        String address = settings.bindAddress();
        return address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
    }

    private static String since(long startedAt) {
        return String.format(" (%.1f s)", (System.nanoTime() - startedAt) / 1e9);
    }

    /**
     * The var directory holds secrets in every file: the users' passwords, the webhook sources' secrets, and in the
     * databases the clients' contacts and webhook secrets. Only its owner may enter it, whatever the mode of the files
     * inside (H2 and Kafka create theirs readable by all); a directory made by an earlier version is tightened too.
     */
    private static void createOwnerOnlyDirectory(Path directory) {
        createDirectory(directory);
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user's profile directory's own permissions apply.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + directory + " readable by its owner only", e);
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
