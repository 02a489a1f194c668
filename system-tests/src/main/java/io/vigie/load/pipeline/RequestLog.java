package io.vigie.load.pipeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * Every webhook request of one phase: when it was due (wall clock, microseconds), how long until its answer (from
 * that due time, so a stalled driver or service is never hidden), its status (0 when no answer came) and how many
 * alerts it carried and intake said it published.
 */
final class RequestLog {

    private final long[] dueMicros;
    private final long[] latencyNanos;
    private final int[] status;
    private final int[] alerts;
    private final int[] published;
    private final int[] incident;
    private final Map<String, Integer> failures = new TreeMap<>();
    private int size;

    RequestLog(int capacity) {
        dueMicros = new long[capacity];
        latencyNanos = new long[capacity];
        status = new int[capacity];
        alerts = new int[capacity];
        published = new int[capacity];
        incident = new int[capacity];
    }

    synchronized void record(long dueEpochMicros, long latency, int statusCode, int alertCount, int publishedCount,
                             int incidentIndex) {
        if (size == dueMicros.length) {
            return;
        }
        dueMicros[size] = dueEpochMicros;
        latencyNanos[size] = latency;
        status[size] = statusCode;
        alerts[size] = alertCount;
        published[size] = publishedCount;
        incident[size] = incidentIndex;
        size++;
    }

    /** Why a request got no answer (the exception), counted. */
    synchronized void failed(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        failures.merge(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                1, Integer::sum);
    }

    synchronized Map<String, Integer> failures() {
        return new TreeMap<>(failures);
    }

    synchronized int size() {
        return size;
    }

    long dueMicros(int i) {
        return dueMicros[i];
    }

    long latencyNanos(int i) {
        return latencyNanos[i];
    }

    int status(int i) {
        return status[i];
    }

    int alerts(int i) {
        return alerts[i];
    }

    int published(int i) {
        return published[i];
    }

    int incident(int i) {
        return incident[i];
    }

    boolean ok(int i) {
        return status[i] / 100 == 2;
    }

    synchronized Map<Integer, Integer> statusCounts() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            counts.merge(status[i], 1, Integer::sum);
        }
        return counts;
    }
}
