package io.vigie.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.vigie.localstack.demo.Demo;
import io.vigie.localstack.demo.DemoScenario;
import io.vigie.localstack.demo.SeedData;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar vigie-local-stack-…-exec.jar [options]}: starts the local stack, prints where everything runs, and
 * stops it all on Ctrl-C.
 */
public final class LocalStackMain {

    private static final String DEMO_FLAG = "--demo";
    private static final String LOGGING_CONFIG = "io/vigie/localstack/local-stack-logback.xml";

    private LocalStackMain() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(LocalStackSettings.USAGE);
            return;
        }
        // The demo is the stack's user, not part of its settings: taken out before the settings are parsed.
        String[] options = Arrays.stream(args).filter(arg -> !isDemoFlag(arg)).toArray(String[]::new);
        List<DemoScenario> demo;
        LocalStackSettings settings;
        try {
            demo = demoScenarios(args);
            settings = LocalStackSettings.fromCommandLine(options, System.getenv(), System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LocalStackSettings.USAGE);
            System.exit(2);
            return;
        }
        Path logFile = configureLogging(settings.varDirectory());

        LocalStack stack = new LocalStack(settings, out::println);
        // Registered before the start, so that Ctrl-C while starting still stops what is already running.
        Thread shutdown = new Thread(() -> {
            stack.close();
            out.println("Vigie local stack stopped.");
        }, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            stack.start();
        } catch (PortTakenException e) {
            // A failed start has already stopped whatever it had started.
            Runtime.getRuntime().removeShutdownHook(shutdown);
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            if (stack.stopRequested()) {
                return;
            }
            Runtime.getRuntime().removeShutdownHook(shutdown);
            LoggerFactory.getLogger(LocalStackMain.class).error("The local stack did not start", e);
            System.err.println("The local stack did not start: " + e.getMessage());
            if (logFile != null) {
                System.err.println("Details in " + logFile);
            }
            System.exit(1);
        }
        try {
            // On every start: the calls replace what they set, so edits made since in the APIs to other entries stay.
            out.println("loading seed data (clients, contacts, inventory, known-threat indicators)…");
            long seedStartedAt = System.nanoTime();
            SeedData.load(stack);
            out.println("  seed data loaded" + since(seedStartedAt));
        } catch (RuntimeException e) {
            // The stack itself is up and usable; only the sample data is missing.
            LoggerFactory.getLogger(LocalStackMain.class).warn("The seed data was not loaded", e);
            out.println("  the seed data was not loaded: " + e.getMessage());
        }
        out.println(LocalStackSummary.render(stack, logFile));
        if (!demo.isEmpty()) {
            // After the table, so the URLs the demo's progress points at are already on the screen.
            out.println();
            long demoStartedAt = System.nanoTime();
            try {
                Demo.run(stack, demo, out::println);
                out.println("demo done" + since(demoStartedAt) + "; the stack keeps running. Press Ctrl-C to stop.");
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(LocalStackMain.class).warn("The demo stopped", e);
                out.println("the demo stopped: " + e.getMessage() + (logFile == null ? "" : " (details in " + logFile
                        + ")") + "; the stack keeps running. Press Ctrl-C to stop.");
            }
        }
    }

    private static boolean isDemoFlag(String arg) {
        return arg.equals(DEMO_FLAG) || arg.startsWith(DEMO_FLAG + "=");
    }

    /** {@code --demo} is every scenario, {@code --demo=ddos,malware} those; none without the flag. */
    static List<DemoScenario> demoScenarios(String[] args) {
        List<DemoScenario> scenarios = List.of();
        for (String arg : args) {
            if (arg.equals(DEMO_FLAG)) {
                scenarios = DemoScenario.parse(null);
            } else if (arg.startsWith(DEMO_FLAG + "=")) {
                String names = arg.substring(DEMO_FLAG.length() + 1);
                if (names.isBlank()) {
                    throw new IllegalArgumentException("--demo= needs scenario names: " + DemoScenario.names());
                }
                scenarios = DemoScenario.parse(names);
            }
        }
        return scenarios;
    }

    private static String since(long startedAt) {
        return String.format(Locale.ROOT, " in %.1f s", (System.nanoTime() - startedAt) / 1e9);
    }

    /**
     * Sends everything to a log file and only warnings to the console, which would otherwise drown the progress lines
     * and the table in six services' start-up logs. Set before the first logger exists, so the broker's and the
     * registry's early lines follow it too; an explicit {@code -Dlogging.config} wins.
     */
    private static Path configureLogging(Path varDirectory) {
        Path logFile = varDirectory.toAbsolutePath().normalize().resolve("logs").resolve("local-stack.log");
        if (System.getProperty("logging.config") == null && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("vigie.local-stack.log-file", logFile.toString());
            System.setProperty("logback.configurationFile", LOGGING_CONFIG);
            System.setProperty("logging.config", "classpath:" + LOGGING_CONFIG);
            LoggerFactory.getILoggerFactory();
            // Logback has read it; left set, Spring Boot would warn at every service's start that it ignores it.
            System.clearProperty("logback.configurationFile");
            return logFile;
        }
        return null;
    }
}
