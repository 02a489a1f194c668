package io.vigie.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

import io.vigie.localstack.demo.LockedAccountDemo;
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
        // A flag without a value, unlike every other option: taken out before the settings are parsed.
        boolean demo = Arrays.asList(args).contains(DEMO_FLAG);
        String[] options = Arrays.stream(args).filter(arg -> !arg.equals(DEMO_FLAG)).toArray(String[]::new);
        LocalStackSettings settings;
        try {
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
            out.println("loading seed data (clients, contacts, inventory)…");
            SeedData.load(stack);
            if (demo) {
                out.println("replaying the demo: a client account locked after repeated failed logins (Splunk)…");
                LockedAccountDemo.replay(stack);
                out.println("  posted; the incident shows in case-service and client A's notices in the mailbox page");
            }
        } catch (RuntimeException e) {
            // The stack itself is up and usable; only the sample data or the demo is missing.
            LoggerFactory.getLogger(LocalStackMain.class).warn("The seed data or the demo was not loaded", e);
            out.println("  the seed data or the demo was not loaded: " + e.getMessage());
        }
        out.println(LocalStackSummary.render(stack, logFile));
    }

    /**
     * Sends everything to a log file and only warnings to the console, which would otherwise drown the progress lines
     * and the table in five services' start-up logs. Set before the first logger exists, so the broker's and the
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
