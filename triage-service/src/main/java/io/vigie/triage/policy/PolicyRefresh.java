package io.vigie.triage.policy;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Several instances share one database: each takes up a policy activated through another within the interval. */
@Component
class PolicyRefresh {

    private final ActivePolicy activePolicy;

    PolicyRefresh(ActivePolicy activePolicy) {
        this.activePolicy = activePolicy;
    }

    @Scheduled(fixedDelayString = "${vigie.triage.refresh-interval:30s}", initialDelayString = "${vigie.triage.refresh-interval:30s}")
    void refresh() {
        activePolicy.refreshIfChanged();
    }
}
