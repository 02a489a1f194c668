package io.vigie.load.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver's command line.
 * Wide: one field per command-line option, parsed in one place ({@link #parse}); each option is read on its own.
 */
record LoadOptions(
        Mode mode,
        int rate,
        int seconds,
        int stormAlerts,
        int alertsPerIncident,
        int clients,
        int batchSize,
        int connections,
        int warmUpSeconds,
        int drainTimeoutSeconds,
        int jitWaitSeconds,
        String stackHeap,
        int sourceRate,
        int secondsAfterRestart,
        Path reportDirectory) {

    enum Mode { STEADY, BURST, CRASH, SCALE }

    static final String USAGE = """
            Usage: PipelineLoadDriver steady [RATE [SECONDS]] [options]    fixed rate (default 200 alerts/s for 600 s)
                   PipelineLoadDriver burst [ALERTS] [options]             a storm about one incident (default 10000)
                   PipelineLoadDriver crash [RATE [SECONDS]] [options]     SIGKILL the stack after SECONDS at RATE
                                                                           (default 100 alerts/s, 60 s), start it again
                                                                           on its data, then look for every acknowledged
                                                                           alert in every stage (see CrashRecoveryIT)
                   PipelineLoadDriver scale [RATE [SECONDS]] [options]     a second instance of each service in a JVM
                                                                           of its own; RATE (default 100 alerts/s) for
                                                                           SECONDS (default 120) over both intakes, a
                                                                           storm in the middle, each second instance
                                                                           SIGKILLed in turn and restarted; then the
                                                                           crash mode's checks (see ScaleOutIT)
              --alerts-per-incident=N  steady: consecutive alerts about one asset, one incident (default 10)
              --clients=N              clients with two email contacts each; steady incidents cycle over them (default 20)
              --batch=N                burst, scale: alerts per Alertmanager notification (default 50)
              --storm=N                scale: alerts of the storm about one asset (default 1000)
              --connections=N          keep-alive connections posting, each one request at a time (steady: default
                                       32, a due request waits for a free one; burst: default 8, back to back)
              --warm-up=SECONDS        the steady rate (burst: 50/s) on other assets first, drained, left out of the
                                       figures, so that the JIT has compiled the hot paths (default 60; 0 = none)
              --jit-wait=SECONDS       after the warm-up, longest wait for the stack's JIT compilers to go quiet (under
                                       5 % of a compiler thread over 5 s) before measuring (default 300; 0 = none)
              --drain-timeout=SECONDS  longest wait after the last post for the pipeline to finish (default 300)
              --after=SECONDS          crash: load after the restart (default 10)
              --stack-heap=SIZE        -Xmx of the stack's JVM (default 2g)
              --source-rate=N          intake's per-source rate limit during the run (default 100000/s, i.e. off)
              --report=DIR             where report.md, latency.html and the CSV files go
                                       (default target/pipeline-load/<time>-<mode>)
            Environment: VIGIE_BENCH_DB_URL, VIGIE_BENCH_DB_USER, VIGIE_BENCH_DB_PASSWORD: a PostgreSQL database to
            connect to; the driver creates vigie_bench_<service> databases next to it (default: H2 files, as the local
            stack). VIGIE_BENCH_PG_PID: the postmaster's pid, if it is not found through its port.
            """;

    static LoadOptions parse(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("Option " + arg + " needs a value (--name=value)");
                }
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else {
                positional.add(arg);
            }
        }
        if (positional.isEmpty()) {
            positional.add("steady");
        }
        Mode mode = switch (positional.get(0)) {
            case "steady" -> Mode.STEADY;
            case "burst", "storm" -> Mode.BURST;
            case "crash" -> Mode.CRASH;
            case "scale" -> Mode.SCALE;
            default -> throw new IllegalArgumentException("Unknown mode '" + positional.get(0) + "'");
        };
        int rate = 200;
        int seconds = 600;
        int stormAlerts = 10_000;
        if (mode == Mode.CRASH) {
            rate = 100;
            seconds = 60;
        }
        if (mode == Mode.SCALE) {
            rate = 100;
            seconds = 120;
            stormAlerts = positive("--storm", options.remove("storm"), 1_000);
        }
        if (mode != Mode.BURST) {
            rate = positional.size() > 1 ? positive("RATE", positional.get(1)) : rate;
            seconds = positional.size() > 2 ? positive("SECONDS", positional.get(2)) : seconds;
        } else {
            stormAlerts = positional.size() > 1 ? positive("ALERTS", positional.get(1)) : stormAlerts;
        }
        LoadOptions parsed = new LoadOptions(mode, rate, seconds, stormAlerts,
                positive("--alerts-per-incident", options.remove("alerts-per-incident"), 10),
                positive("--clients", options.remove("clients"), 20),
                positive("--batch", options.remove("batch"), 50),
                positive("--connections", options.remove("connections"), mode == Mode.STEADY || mode == Mode.SCALE ? 32 : 8),
                atLeastZero("--warm-up", options.remove("warm-up"), 60),
                positive("--drain-timeout", options.remove("drain-timeout"), 300),
                atLeastZero("--jit-wait", options.remove("jit-wait"), 300),
                options.getOrDefault("stack-heap", "2g"),
                positive("--source-rate", options.remove("source-rate"), 100_000),
                positive("--after", options.remove("after"), 10),
                options.containsKey("report") ? Path.of(options.remove("report")) : null);
        options.remove("stack-heap");
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("Unknown option --" + options.keySet().iterator().next());
        }
        if (parsed.clients() < BenchWorld.STORM_CLIENTS) {
            throw new IllegalArgumentException("--clients must be at least " + BenchWorld.STORM_CLIENTS);
        }
        return parsed;
    }

    /** Alerts the measured phase posts. */
    int alerts() {
        return mode == Mode.STEADY ? rate * seconds : stormAlerts;
    }

    /** Incidents the steady phase opens (one asset each); 0 for a storm, whose one asset is seeded apart. */
    int incidents() {
        return mode == Mode.STEADY ? ceilDiv(alerts(), alertsPerIncident) : 0;
    }

    /** The measured rate itself (a storm has none: 50/s), so the measured phase starts with the JIT's work done. */
    int warmUpRate() {
        return mode == Mode.STEADY ? rate : 50;
    }

    int warmUpIncidents() {
        return ceilDiv(warmUpRate() * warmUpSeconds, alertsPerIncident);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static int positive(String name, String value, int otherwise) {
        return value == null ? otherwise : positive(name, value);
    }

    private static int positive(String name, String value) {
        int parsed = number(name, value);
        if (parsed < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return parsed;
    }

    private static int atLeastZero(String name, String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        int parsed = number(name, value);
        if (parsed < 0) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value);
        }
        return parsed;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }
}
