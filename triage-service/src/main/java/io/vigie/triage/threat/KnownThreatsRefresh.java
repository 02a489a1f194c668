package io.vigie.triage.threat;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Several instances share one database: each takes up the others' known-threat changes within the refresh interval. */
@Component
class KnownThreatsRefresh {

    private final KnownThreats knownThreats;

    KnownThreatsRefresh(KnownThreats knownThreats) {
        this.knownThreats = knownThreats;
    }

    @Scheduled(fixedDelayString = "${vigie.triage.refresh-interval:30s}", initialDelayString = "${vigie.triage.refresh-interval:30s}")
    void refresh() {
        knownThreats.refreshIfChanged();
    }
}
