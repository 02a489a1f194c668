package io.vigie.load.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.vigie.localstack.VigieService;

/**
 * A second instance of one service beside the stack's, in a JVM of its own: the service's main class with the
 * arguments the stack runs it with ({@link StackHandle#launchArguments}: the same database, broker, consumer group and
 * users) but its own HTTP port and log, as a second replica of a deployment. {@link #kill()} is SIGKILL.
 */
final class ServiceInstance {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final VigieService service;
    private final List<String> command;
    private final String baseUrl;
    private final Path log;
    private Process process;

    private ServiceInstance(VigieService service, List<String> command, String baseUrl, Path log) {
        this.service = service;
        this.command = command;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** The second instance of {@code service}, on any free port, its log in {@code logs}; nothing started yet. */
    static ServiceInstance of(StackHandle stack, VigieService service, List<String> jvmOptions, Path logs) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ServiceMains.of(service));
        for (String argument : stack.launchArguments(service.shortName())) {
            command.add(argument.startsWith("--server.port=") ? "--server.port=" + port : argument);
        }
        URI first = URI.create(stack.serviceUrl(service.shortName()));
        return new ServiceInstance(service, List.copyOf(command), first.getScheme() + "://" + first.getHost() + ":" + port,
                logs.resolve(service.shortName() + "-2.log"));
    }

    VigieService service() {
        return service;
    }

    String baseUrl() {
        return baseUrl;
    }

    Path log() {
        return log;
    }

    synchronized void start() {
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.applicationName() + " in a child JVM", e);
        }
    }

    /** SIGKILL, as a node lost or the OOM killer: no shutdown hook, no offset commit; waits until the process is gone. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(service.applicationName() + "'s second instance (pid " + process.pid()
                        + ") was still running 30 s after SIGKILL");
            }
        }
    }

    /** SIGTERM, so the service leaves its consumer groups cleanly; killed after a minute. */
    synchronized void terminate() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Waits until the instance answers 200 on {@code /actuator/health} (up: its database migrated, its listeners
     * started); false when its JVM exited or {@code timeout} passed first.
     */
    boolean awaitUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline && isAlive()) {
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
