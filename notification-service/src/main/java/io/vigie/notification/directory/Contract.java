package io.vigie.notification.directory;

import io.vigie.notification.incident.Severity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a client's contract says its notices offer: the dedicated support line and when it answers (e.g.
 * {@code MON-FRI 08:00-20:00}), the remediation offers it includes (shown where the incident's category words them,
 * e.g. a data breach), and its own cadence of scheduled updates per severity (the service's default otherwise).
 */
public record Contract(String supportLine, String supportHours, List<Offer> offers, Map<Severity, Duration> updateEvery) {

    public static final Contract NONE = new Contract(null, null, List.of(), Map.of());

    /** Remediation a client's contract may include. */
    public enum Offer { PASSWORD_RESET, SECURITY_FEATURES, IDENTITY_MONITORING, SUPPORT_LINE }

    public Contract {
        offers = offers == null ? List.of() : List.copyOf(offers);
        updateEvery = updateEvery == null ? Map.of() : Map.copyOf(updateEvery);
    }

    /** The offers that can be made: the support line only with a number to call. */
    public List<String> offerCodes() {
        return offers.stream().filter(offer -> offer != Offer.SUPPORT_LINE || supportLine != null)
                .map(Enum::name).toList();
    }
}
