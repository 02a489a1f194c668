package io.vigie.load.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The driver's side of {@link StackProcess}: starts it as a child JVM on the driver's own class path, waits until it
 * is up, and reads its mailbox and JVM figures.
 */
final class StackHandle implements AutoCloseable {

    private final Process process;
    private final Properties ready;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Email> emails = new ArrayList<>();

    private StackHandle(Process process, Properties ready) {
        this.process = process;
        this.ready = ready;
    }

    /** One email the mailbox caught, with the mailbox's own receipt time. */
    record Email(long receivedAtMillis, String noticeId, String recipient, String subject, int size) {
    }

    static StackHandle start(Path work, List<String> jvmOptions, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        return start(work, jvmOptions, List.of(), environment, timeout);
    }

    /**
     * As {@link #start(Path, List, Map, Duration)}, with {@link StackProcess}'s service arguments
     * ({@code notification:--name=value}). On a directory a stack ran on before, it starts on that stack's data.
     */
    static StackHandle start(Path work, List<String> jvmOptions, List<String> serviceArguments,
                             Map<String, String> environment, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(work);
        // The previous stack's: this one writes its own once up.
        Files.deleteIfExists(work.resolve(StackProcess.READY_FILE));
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StackProcess.class.getName());
        command.add(work.toString());
        command.addAll(serviceArguments);
        Path log = work.resolve("stack.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Path readyFile = work.resolve(StackProcess.READY_FILE);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(readyFile)) {
            // Returns at once if the stack died: no point waiting for it then.
            if (process.waitFor(250, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The stack exited with " + process.exitValue() + " before it was up; see " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("The stack was not up after " + timeout.toSeconds() + " s; see " + log);
            }
        }
        Properties ready = new Properties();
        try (InputStream in = Files.newInputStream(readyFile)) {
            ready.load(in);
        }
        return new StackHandle(process, ready);
    }

    long pid() {
        return process.pid();
    }

    String property(String name) {
        String value = ready.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("The stack did not say " + name);
        }
        return value;
    }

    String serviceUrl(String shortName) {
        return property("service." + shortName + ".url");
    }

    /** The command-line arguments the stack runs the service with ({@code LocalStack.launchArguments}). */
    List<String> launchArguments(String shortName) {
        return List.of(property("service." + shortName + ".arguments").split("\n"));
    }

    String password(String user) {
        return property("user." + user);
    }

    /** Every email caught so far, oldest seen first; each call fetches only those not fetched before. */
    synchronized List<Email> emails() {
        String body = get("/mail?from=" + emails.size());
        for (String line : body.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            emails.add(new Email(Long.parseLong(fields[0]), fields[1], fields[2], fields[3],
                    fields.length > 4 && !fields[4].isEmpty() ? Integer.parseInt(fields[4]) : 0));
        }
        return List.copyOf(emails);
    }

    /** Milliseconds the stack JVM's JIT compilers have spent compiling so far. */
    long compilationMillis() {
        return Long.parseLong(get("/jit").trim());
    }

    /** The stack JVM's live threads by id, and its heap and GC totals. */
    JvmFigures jvm() {
        JvmFigures figures = new JvmFigures();
        for (String line : get("/jvm").split("\n")) {
            String[] fields = line.split("\t");
            if (fields[0].equals("thread") && fields.length == 5) {
                figures.threads.put(Long.parseLong(fields[1]), new ThreadCpu(fields[2], fields[3], Long.parseLong(fields[4])));
            } else if (fields.length == 2) {
                figures.totals.put(fields[0], Long.parseLong(fields[1]));
            }
        }
        return figures;
    }

    /** A live thread of the stack: the service it works for ({@code -} when unknown), its name, its CPU time so far. */
    record ThreadCpu(String owner, String name, long cpuNanos) {
    }

    static final class JvmFigures {
        final Map<Long, ThreadCpu> threads = new HashMap<>();
        final Map<String, Long> totals = new HashMap<>();
    }

    private String get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(property("control.url") + path))
                .timeout(Duration.ofSeconds(60)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException("The stack's control endpoint did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the stack for " + path, e);
        }
    }

    /** SIGKILL, as a crash or the kernel's OOM killer: no shutdown hook, nothing flushed or committed on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The stack (pid " + process.pid() + ") was still running 30 s after SIGKILL");
        }
    }

    /**
     * SIGTERM, and how long the stack took to close everything and exit; empty when it was still running after
     * {@code timeout} (it is then killed).
     */
    Optional<Duration> stop(Duration timeout) throws InterruptedException {
        long stopping = System.nanoTime();
        process.destroy();
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.of(Duration.ofNanos(System.nanoTime() - stopping));
        }
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return Optional.empty();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, so the stack closes its services, mailbox, registry and broker in order; killed after a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
