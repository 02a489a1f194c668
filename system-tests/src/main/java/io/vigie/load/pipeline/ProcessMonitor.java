package io.vigie.load.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPU time and resident memory of the processes under watch, from {@code /proc} (Linux): the driver, the stack's JVM,
 * and PostgreSQL (its postmaster and every child of it, so each connection's backend counts) when the stack uses it.
 * CPU is utime + stime (+ the reaped children's, for the postmaster), in clock ticks of 1/100 s (Linux's USER_HZ);
 * memory is the proportional set size (see {@link #residentBytes}).
 */
final class ProcessMonitor implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100.0;
    /**
     * Memory is read on every tenth sample only: {@code smaps_rollup} walks the page tables of the whole process, and
     * once a second for the 2 GB stack and each PostgreSQL backend it took 3.5 % of the machine's CPU, which the
     * stack under measurement needs. The samples in between repeat the last reading.
     */
    private static final int MEMORY_EVERY = 10;

    /** One sample: wall-clock time, then per process its CPU seconds so far and resident bytes. */
    record Sample(long epochMillis, Map<String, Double> cpuSeconds, Map<String, Long> residentBytes) {
    }

    private final Map<String, Long> processes = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private Map<String, Long> lastResident = Map.of();
    private int sampled;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "process-sampler");
        thread.setDaemon(true);
        return thread;
    });

    void watch(String name, long pid) {
        synchronized (processes) {
            processes.put(name, pid);
        }
    }

    void sampleEvery(long millis) {
        sampler.scheduleAtFixedRate(() -> {
            Sample sample = sample();
            synchronized (samples) {
                samples.add(sample);
            }
        }, 0, millis, TimeUnit.MILLISECONDS);
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    synchronized Sample sample() {
        boolean readMemory = sampled++ % MEMORY_EVERY == 0;
        Map<String, Long> watched;
        synchronized (processes) {
            watched = new LinkedHashMap<>(processes);
        }
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : watched.entrySet()) {
            List<Long> tree = new ArrayList<>();
            tree.add(process.getValue());
            if (process.getKey().equals("postgresql")) {
                tree.addAll(childrenOf(process.getValue()));
            }
            double seconds = 0;
            long bytes = 0;
            for (long pid : tree) {
                long[] ticks = ticks(pid);
                seconds += (ticks[0] + ticks[1] + (pid == process.getValue() ? ticks[2] + ticks[3] : 0)) / TICKS_PER_SECOND;
                bytes += readMemory ? residentBytes(pid) : 0;
            }
            cpu.put(process.getKey(), seconds);
            rss.put(process.getKey(), readMemory ? bytes : lastResident.getOrDefault(process.getKey(), 0L));
        }
        lastResident = rss;
        return new Sample(System.currentTimeMillis(), cpu, rss);
    }

    /** utime, stime, cutime, cstime of a process; zeros when it is gone. */
    private static long[] ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: the fields after it start past its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    /**
     * Proportional set size: resident pages, each shared page divided among the processes sharing it. PostgreSQL's
     * backends all map the shared buffers, so summing their RSS would count them once per connection; for a JVM it is
     * its RSS. Falls back to VmRSS where {@code smaps_rollup} is missing (kernels before 4.14).
     */
    private static long residentBytes(long pid) {
        for (String[] source : new String[][] {{"smaps_rollup", "Pss:"}, {"status", "VmRSS:"}}) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), source[0]))) {
                    if (line.startsWith(source[1])) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not there, or the process is gone: try the next source, or count nothing.
            }
        }
        return 0;
    }

    private static List<Long> childrenOf(long parent) {
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(fields[1]) == parent) {
                        children.add(Long.parseLong(entry.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // A process that ended while we looked.
                }
            }
        } catch (IOException e) {
            // No /proc: nothing to add.
        }
        return children;
    }

    /**
     * The process listening on a TCP port of this machine (IPv4 or IPv6), found through the socket's inode in
     * {@code /proc/net/tcp*} and the process's open files: how the PostgreSQL server of a JDBC URL is found. Needs
     * the right to read the other process's {@code /proc/<pid>/fd} (same user, or root).
     */
    static OptionalLong listenerOf(int port) {
        String hexPort = String.format(":%04X", port);
        List<String> inodes = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    // State 0A is LISTEN.
                    if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals("0A")) {
                        inodes.add("socket:[" + fields[9] + "]");
                    }
                }
            } catch (IOException e) {
                // No such table (no IPv6, say).
            }
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(entry.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                                return OptionalLong.of(Long.parseLong(entry.getFileName().toString()));
                            }
                        } catch (IOException e) {
                            // Closed while we looked.
                        }
                    }
                } catch (IOException e) {
                    // Not ours to read, or ended.
                }
            }
        } catch (IOException e) {
            // No /proc.
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
