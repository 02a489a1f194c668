package io.vigie.load.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What ends {@code IntakeLoadDriver serve}: Ctrl-C or a SIGTERM (through a shutdown hook), or a stop file appearing.
 * Never the end of standard input, which a background job or a script closes at once.
 */
final class StopSignal {

    /** How long the JVM may take to close what the driver started once a signal came, before it halts anyway. */
    private static final long CLOSE_SECONDS = 60;

    private final Path stopFile;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    /** {@code stopFile} may be null: then only a signal stops. One left by an earlier run is removed. */
    StopSignal(Path stopFile) {
        this.stopFile = stopFile;
        if (stopFile != null) {
            try {
                Files.deleteIfExists(stopFile);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove the old stop file " + stopFile, e);
            }
        }
    }

    String describeFile() {
        return stopFile == null ? "" : ", or by creating " + stopFile.toAbsolutePath();
    }

    /** Blocks until a signal came or the stop file exists; answers which. */
    String await() throws InterruptedException {
        // The JVM halts as soon as its shutdown hooks return: this one holds it until closed() says the broker, the
        // registry and the services were closed in order, as after a stop file.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested.countDown();
            try {
                closed.await(CLOSE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "intake-load-stop"));
        while (!requested.await(200, TimeUnit.MILLISECONDS)) {
            if (stopFile != null && Files.exists(stopFile)) {
                return "stop file " + stopFile + " found";
            }
        }
        return "signal";
    }

    /** Everything is closed: a shutdown under way may let the JVM exit. */
    void closed() {
        closed.countDown();
    }
}
