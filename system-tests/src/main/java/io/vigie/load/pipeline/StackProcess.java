package io.vigie.load.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigie.localstack.LocalStack;
import io.vigie.localstack.LocalStackSettings;
import io.vigie.localstack.LocalUsers;
import io.vigie.localstack.LocalWebhookSources;
import io.vigie.localstack.RunningService;
import io.vigie.localstack.VigieService;
import io.vigie.localstack.demo.SeedData;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.LoggerFactory;

/**
 * The stack under load, in a JVM of its own so that its CPU and memory are measured apart from the driver's: the
 * local stack (broker, registry, SMTP mailbox, the five services) with its seed data, started by
 * {@link PipelineLoadDriver}. Not meant to be run by hand.
 *
 * <p>Once up it writes {@code <work>/stack.properties} (every address, each service's command-line arguments, the local
 * users and webhook secrets) and answers on a loopback port: {@code GET /mail?from=n} lists the emails the mailbox caught from the n-th on, in the order this
 * process first saw them, one per line ({@code receivedAt millis, X-Vigie-Notice-Id, recipient, subject}, tab
 * separated; the time is the mailbox's own receipt time, so polling slowly loses no precision); {@code GET /jvm} gives
 * the CPU time of every live thread and the heap and GC figures. SIGTERM closes the stack.
 *
 * <pre>java -cp ... io.vigie.load.pipeline.StackProcess WORK_DIRECTORY [service:--name=value ...]</pre>
 * Every port is any free one. An argument {@code notification:--spring.mail.port=2525} is one Spring Boot argument of
 * that service (by its short name: intake, triage, notification, case, postmortem), which wins over the stack's own.
 * Databases:
 * {@code VIGIE_<NAME>_DB_URL}-style environment variables, as {@code ./local-stack.sh} takes them; H2 files under
 * {@code WORK_DIRECTORY/var} otherwise. Started again on the same directory, it finds its broker, registry and
 * databases as they were.
 */
public final class StackProcess {

    static final String READY_FILE = "stack.properties";

    private StackProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        configureLogging(work.resolve("var").resolve("logs").resolve("local-stack.log"));
        LocalStackSettings settings = settings(work, Arrays.asList(args).subList(1, args.length));
        LocalStack stack = LocalStack.start(settings, System.out::println);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            System.out.println("stack stopped");
        }, "stack-shutdown"));
        // A driver killed without its cleanup (Ctrl-C, kill -9) must not leave the stack running: exiting runs the hook.
        ProcessHandle.current().parent().ifPresent(driver -> driver.onExit().thenRun(() -> System.exit(1)));
        SeedData.load(stack);

        Mailbox mailbox = new Mailbox(stack::receivedMessages);
        ThreadOwners owners = new ThreadOwners();
        Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-thread-owners");
            thread.setDaemon(true);
            return thread;
        }).scheduleWithFixedDelay(owners::look, 0, 500, TimeUnit.MILLISECONDS);
        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        control.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-control");
            thread.setDaemon(true);
            return thread;
        }));
        control.createContext("/mail", exchange -> answer(exchange, mailbox.since(from(exchange.getRequestURI()))));
        control.createContext("/jvm", exchange -> answer(exchange, jvm(stack, owners)));
        control.createContext("/jit", exchange -> answer(exchange,
                Long.toString(ManagementFactory.getCompilationMXBean().getTotalCompilationTime())));
        control.start();

        Properties ready = describe(stack);
        ready.setProperty("control.url", "http://127.0.0.1:" + control.getAddress().getPort());
        ready.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        // Written whole then moved, so the driver never reads half a file.
        Path partial = work.resolve(READY_FILE + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            ready.store(out, "Vigie stack under load");
        }
        Files.move(partial, work.resolve(READY_FILE), StandardCopyOption.ATOMIC_MOVE);
        System.out.println("stack ready, started in " + stack.startupTime().toMillis() + " ms");
    }

    /** Any free ports, H2 files under the work directory unless the environment names databases; then each service's own arguments. */
    static LocalStackSettings settings(Path work, List<String> arguments) {
        LocalStackSettings settings = LocalStackSettings.fromCommandLine(
                        new String[] {"--var-dir=" + work.resolve("var")}, System.getenv(), System.getProperties())
                .withAnyFreePorts();
        for (String argument : arguments) {
            int colon = argument.indexOf(':');
            String name = colon > 0 ? argument.substring(0, colon) : "";
            VigieService service = Arrays.stream(VigieService.values())
                    .filter(candidate -> candidate.shortName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Not a service argument (service:--name=value): " + argument));
            settings = settings.withServiceArguments(service, argument.substring(colon + 1));
        }
        return settings;
    }

    /**
     * As {@code ./local-stack.sh} logs: everything to a file, warnings on the console (here the stack's log). Set before
     * the first logger exists, so the broker's early lines follow it too.
     */
    private static void configureLogging(Path logFile) {
        String configuration = "io/vigie/localstack/local-stack-logback.xml";
        System.setProperty("vigie.local-stack.log-file", logFile.toString());
        System.setProperty("logback.configurationFile", configuration);
        System.setProperty("logging.config", "classpath:" + configuration);
        LoggerFactory.getILoggerFactory();
        // Logback has read it; left set, Spring Boot would warn at every service's start that it ignores it.
        System.clearProperty("logback.configurationFile");
    }

    private static Properties describe(LocalStack stack) {
        Properties properties = new Properties();
        properties.setProperty("kafka.bootstrap", stack.kafkaBootstrapServers());
        properties.setProperty("registry.url", stack.schemaRegistryUrl());
        properties.setProperty("mailbox.url", stack.mailboxUrl());
        properties.setProperty("startup.millis", Long.toString(stack.startupTime().toMillis()));
        for (RunningService service : stack.services()) {
            properties.setProperty("service." + service.service().shortName() + ".url", service.baseUrl());
            properties.setProperty("service." + service.service().shortName() + ".database",
                    service.database().url().replaceAll("password=[^;&]*", "password=***"));
            // What the stack runs the service with, one argument a line: the scale mode starts a second instance of
            // the service in a JVM of its own with these (and a port of its own), as a second replica of a deployment.
            properties.setProperty("service." + service.service().shortName() + ".arguments",
                    String.join("\n", stack.launchArguments(service.service())));
        }
        for (LocalUsers.User user : stack.users().users().values()) {
            properties.setProperty("user." + user.name(), user.password());
        }
        LocalWebhookSources sources = stack.webhookSources();
        properties.setProperty("source.generic.secret", sources.genericHmacSecret());
        properties.setProperty("source.alertmanager.token", sources.alertmanagerToken());
        return properties;
    }

    private static int from(URI uri) {
        String query = uri.getQuery();
        if (query != null && query.startsWith("from=")) {
            return Integer.parseInt(query.substring("from=".length()));
        }
        return 0;
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Every live thread's CPU time with the service it works for (when known, see {@link ThreadOwners}) and its name,
     * then heap and GC totals. Threads that ended are not counted.
     */
    private static String jvm(LocalStack stack, ThreadOwners owners) {
        StringBuilder out = new StringBuilder();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                String name = info.getThreadName();
                for (RunningService service : stack.services()) {
                    name = name.replace("-" + service.port() + "-", "-" + service.service().shortName() + "-");
                }
                out.append("thread\t").append(info.getThreadId()).append('\t').append(owners.ownerOf(info.getThreadId()))
                        .append('\t').append(name.replace('\t', ' ')).append('\t').append(cpu).append('\n');
            }
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.append("heap.used\t").append(heap.getUsed()).append('\n');
        out.append("heap.committed\t").append(heap.getCommitted()).append('\n');
        out.append("heap.max\t").append(heap.getMax()).append('\n');
        long collections = 0;
        long collectionMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
            collectionMillis += Math.max(0, collector.getCollectionTime());
        }
        out.append("gc.count\t").append(collections).append('\n');
        out.append("gc.millis\t").append(collectionMillis).append('\n');
        out.append("uptime.millis\t").append(ManagementFactory.getRuntimeMXBean().getUptime()).append('\n');
        return out.toString();
    }

    /**
     * Which service each thread works for, learnt from its stack: the first time a thread is seen running a service's
     * own code ({@code io.vigie.<service>.}) it is that service's. Five services share one JVM and their Kafka
     * listener threads have the same names in each (Spring numbers the containers per context), so the name alone
     * cannot tell. Only threads not yet attributed are looked at, so the cost falls as the run goes on; a thread that
     * never ran service code while looked at (an idle listener, the platform's outbox relay) stays unattributed.
     */
    static final class ThreadOwners {

        private static final Map<String, String> PACKAGES = Map.of(
                "io.vigie.intake.", "alert-intake-service", "io.vigie.triage.", "triage-service",
                "io.vigie.notification.", "notification-service", "io.vigie.cases.", "case-service",
                "io.vigie.postmortem.", "postmortem-service");

        private final Map<Long, String> owners = new ConcurrentHashMap<>();

        void look() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] unknown = Arrays.stream(threads.getAllThreadIds()).filter(id -> !owners.containsKey(id)).toArray();
            for (ThreadInfo info : threads.getThreadInfo(unknown, Integer.MAX_VALUE)) {
                if (info == null) {
                    continue;
                }
                for (StackTraceElement frame : info.getStackTrace()) {
                    String owner = owner(frame.getClassName());
                    if (owner != null) {
                        owners.put(info.getThreadId(), owner);
                        break;
                    }
                }
            }
        }

        String ownerOf(long threadId) {
            return owners.getOrDefault(threadId, "-");
        }

        private static String owner(String className) {
            for (Map.Entry<String, String> entry : PACKAGES.entrySet()) {
                if (className.startsWith(entry.getKey())) {
                    return entry.getValue();
                }
            }
            return null;
        }
    }

    /**
     * The mailbox's emails in the order this process first saw them. GreenMail lists its messages mailbox by mailbox,
     * so a new email can appear in the middle of its list: the messages already seen are remembered by identity (the
     * mailbox hands out the same objects every time).
     */
    static final class Mailbox {

        private final Supplier<List<MimeMessage>> messages;
        private final Set<MimeMessage> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private final List<String> lines = new ArrayList<>();

        Mailbox(Supplier<List<MimeMessage>> messages) {
            this.messages = messages;
        }

        synchronized String since(int from) {
            for (MimeMessage message : messages.get()) {
                if (seen.add(message)) {
                    lines.add(line(message));
                }
            }
            StringBuilder out = new StringBuilder();
            for (int i = Math.max(0, from); i < lines.size(); i++) {
                out.append(lines.get(i)).append('\n');
            }
            return out.toString();
        }

        private static String line(MimeMessage message) {
            try {
                long receivedAt = message.getReceivedDate() != null ? message.getReceivedDate().getTime() : System.currentTimeMillis();
                String noticeId = message.getHeader("X-Vigie-Notice-Id", null);
                var to = message.getRecipients(Message.RecipientType.TO);
                String recipient = to == null || to.length == 0 ? "" : to[0].toString();
                return receivedAt + "\t" + clean(noticeId) + "\t" + clean(recipient) + "\t" + clean(message.getSubject())
                        + "\t" + message.getSize();
            } catch (MessagingException e) {
                return System.currentTimeMillis() + "\t\t\tunreadable: " + clean(e.getMessage()) + "\t0";
            }
        }

        private static String clean(String value) {
            return value == null ? "" : value.replaceAll("[\\t\\r\\n]+", " ");
        }
    }
}
