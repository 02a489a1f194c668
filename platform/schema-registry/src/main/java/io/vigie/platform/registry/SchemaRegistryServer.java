package io.vigie.platform.registry;

import com.sun.net.httpserver.HttpServer;
import io.vigie.platform.registry.internal.Registry;
import io.vigie.platform.registry.internal.RegistryHttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent-REST-compatible Avro schema registry that keeps its state in {@code dataDirectory}, for local runs
 * and tests. Starts in milliseconds; every acknowledged change is on disk, so a new server on the same directory
 * answers with the same ids, versions and levels.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = SchemaRegistryServer.start(tempDir)) {
 *     props.put("schema.registry.url", registry.url());
 * }
 * }</pre>
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final int WORKER_THREADS = 8;
    private static final int QUEUED_REQUESTS = 256;
    private static final int ACCEPT_BACKLOG = 64;
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every answer then waits
        // for the client's delayed ACK (~40 ms). The JDK reads this once, when its first HttpServer starts, so
        // it only helps if set before that; an explicit setting by the application wins.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final HttpServer http;
    private final ThreadPoolExecutor workers;
    private final Registry registry;
    private final String url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SchemaRegistryServer(HttpServer http, ThreadPoolExecutor workers, Registry registry, String url) {
        this.http = http;
        this.workers = workers;
        this.registry = registry;
        this.url = url;
    }

    /** Starts on 127.0.0.1 and a free port. */
    public static SchemaRegistryServer start(Path dataDirectory) {
        return start(dataDirectory, "127.0.0.1", 0);
    }

    /** Starts on {@code host}:{@code port}, open to anyone who reaches it (tests); port 0 picks a free one. */
    public static SchemaRegistryServer start(Path dataDirectory, String host, int port) {
        return start(dataDirectory, host, port, RegistryAccess.open());
    }

    /** As {@link #start(Path, String, int)}, writes (and reads, if so set) only for {@code access}'s users. */
    public static SchemaRegistryServer start(Path dataDirectory, String host, int port, RegistryAccess access) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(host, "host");
        Registry registry = Registry.open(dataDirectory);
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), ACCEPT_BACKLOG);
        } catch (IOException e) {
            registry.close();
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port, e);
        }
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS), new WorkerThreads(),
                // When the queue is full the accepting thread answers itself, which slows intake instead of
                // dropping connections.
                new ThreadPoolExecutor.CallerRunsPolicy());
        workers.allowCoreThreadTimeOut(true);
        http.createContext("/", new RegistryHttpHandler(registry, access));
        http.setExecutor(workers);
        http.start();
        String url = "http://" + hostForUrl(host) + ":" + http.getAddress().getPort();
        LOG.info("Schema registry listening on {} (data in {})", url, dataDirectory.toAbsolutePath());
        return new SchemaRegistryServer(http, workers, registry, url);
    }

    /** For example {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String url() {
        return url;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Stops answering and releases the data directory; everything acknowledged stays on disk. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // No grace period: every acknowledged change is already on disk, and a cut request was never answered.
        http.stop(0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        registry.close();
        LOG.info("Schema registry on {} stopped", url);
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
