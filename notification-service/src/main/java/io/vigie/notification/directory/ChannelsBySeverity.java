package io.vigie.notification.directory;

import io.vigie.notification.incident.Severity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The channels to use together at a severity, e.g. CRITICAL: EMAIL and SMS at once. A severity not listed uses the
 * client's channels as a fallback chain (the first that works). Set for a client, and per contact to override it.
 */
public record ChannelsBySeverity(Map<Severity, List<Channel>> together) {

    public static final ChannelsBySeverity NONE = new ChannelsBySeverity(Map.of());

    public ChannelsBySeverity {
        Map<Severity, List<Channel>> copy = new EnumMap<>(Severity.class);
        if (together != null) {
            together.forEach((severity, channels) -> copy.put(severity, List.copyOf(channels)));
        }
        together = Map.copyOf(copy);
    }

    public List<Channel> at(Severity severity) {
        return together.getOrDefault(severity, List.of());
    }

    public boolean isEmpty() {
        return together.isEmpty();
    }
}
