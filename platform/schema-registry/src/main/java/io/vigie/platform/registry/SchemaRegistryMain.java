package io.vigie.platform.registry;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the registry on its own: {@code --host 127.0.0.1 --port 8081 --data ./var/registry}. Ctrl-C stops it
 * cleanly; the data stays.
 */
public final class SchemaRegistryMain {

    static final String USAGE = "Usage: SchemaRegistryMain [--host 127.0.0.1] [--port 8081] [--data ./var/registry]";

    private SchemaRegistryMain() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(USAGE);
            return;
        }
        SchemaRegistryServer server = SchemaRegistryServer.start(options.data(), options.host(), options.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "schema-registry-shutdown"));
        System.out.println("Schema registry listening on " + server.url() + " (data in "
                + options.data().toAbsolutePath() + "); Ctrl-C to stop");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Options(String host, int port, Path data, boolean help) {

        static Options parse(String... args) {
            String host = "127.0.0.1";
            int port = 8081;
            Path data = Path.of("var", "registry");
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (name.equals("--help") || name.equals("-h")) {
                    help = true;
                    continue;
                }
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("Missing a value for " + name);
                }
                switch (name) {
                    case "--host" -> host = value;
                    case "--port" -> port = parsePort(value);
                    case "--data" -> data = Path.of(value);
                    default -> throw new IllegalArgumentException("Unknown option " + name);
                }
            }
            return new Options(host, port, data, help);
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // Reported below with the offending value.
            }
            throw new IllegalArgumentException("--port must be a number between 0 and 65535, not '" + value + "'");
        }
    }
}
