package io.vigie.load.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the figures were taken on: they mean little without it. */
record Machine(int cores, String cpu, long memoryBytes, String os, String java, String loadAverage) {

    static Machine now() {
        String cpu = "unknown";
        long memory = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException e) {
            // Not Linux: the report says unknown.
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), currentLoadAverage());
    }

    /** The 1, 5 and 15-minute load averages: how busy the machine was with everything else too. */
    static String currentLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    String memory() {
        return String.format(Locale.ROOT, "%.1f GiB", memoryBytes / (1024.0 * 1024 * 1024));
    }
}
