package io.vigie.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vigie.localstack.LocalStack;
import io.vigie.load.pipeline.ServiceMains;
import io.vigie.localstack.VigieService;

/**
 * One Vigie service in a child JVM, started from its main class with the arguments the local stack would give it,
 * so it can be killed without a graceful shutdown ({@link #kill()} is SIGKILL: no shutdown hook, no offset commit, no
 * transaction finished) and started again.
 */
final class ServiceProcess {


    private final VigieService service;
    private final List<String> command;
    private final Path log;
    private Process process;

    private ServiceProcess(VigieService service, List<String> command, Path log) {
        this.service = service;
        this.command = command;
        this.log = log;
    }

    /** The command line for {@code service} as {@code stack} would run it; nothing is started yet. */
    static ServiceProcess of(LocalStack stack, VigieService service, Path logDirectory) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start-up speed over peak speed: the child lives for seconds, and the machine is shared.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m",
                "-cp", System.getProperty("java.class.path"),
                ServiceMains.of(service)));
        // With the stack's own consumer session timeout (6 s): the killed consumer's partitions go to its restarted
        // self once the broker has given up on it.
        command.addAll(stack.launchArguments(service));
        return new ServiceProcess(service, command, logDirectory.resolve(service.shortName() + ".log"));
    }

    /**
     * A further instance of {@code service} beside the one the stack runs: the same arguments (database, broker,
     * consumer group, users) but its own HTTP {@code port} and its own log, as a second replica of a deployment.
     */
    static ServiceProcess anotherInstance(LocalStack stack, VigieService service, Path logDirectory, int port) {
        ServiceProcess first = of(stack, service, logDirectory);
        List<String> command = new ArrayList<>(first.command.stream()
                .map(argument -> argument.startsWith("--server.port=") ? "--server.port=" + port : argument).toList());
        return new ServiceProcess(service, command, logDirectory.resolve(service.shortName() + "-2.log"));
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

    /** SIGKILL, and waits until the process is gone. */
    synchronized void kill() {
        stop(true);
    }

    /** SIGTERM (the service shuts down gracefully), and waits until the process is gone. */
    synchronized void terminate() {
        stop(false);
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    Path log() {
        return log;
    }

    private void stop(boolean forcibly) {
        if (process == null) {
            return;
        }
        Process stopping = forcibly ? process.destroyForcibly() : destroy(process);
        try {
            if (!stopping.waitFor(60, TimeUnit.SECONDS)) {
                stopping.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.destroyForcibly();
        }
        process = null;
    }

    private static Process destroy(Process process) {
        process.destroy();
        return process;
    }
}
