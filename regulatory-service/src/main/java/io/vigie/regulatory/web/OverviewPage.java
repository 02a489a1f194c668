package io.vigie.regulatory.web;

import io.vigie.regulatory.obligation.DueSoon;
import io.vigie.regulatory.obligation.Stage;
import io.vigie.regulatory.obligation.Stages;
import io.vigie.regulatory.regime.RegimeProfiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** {@code /regulatory}: what is still to be filed, soonest due first, then the clients' regimes. */
@Controller
class OverviewPage {

    private final Stages stages;
    private final RegimeProfiles profiles;
    private final DueSoon dueSoon;
    private final Clock clock;

    OverviewPage(Stages stages, RegimeProfiles profiles, DueSoon dueSoon, Clock clock) {
        this.stages = stages;
        this.profiles = profiles;
        this.dueSoon = dueSoon;
        this.clock = clock;
    }

    /** One report to file; the incident is shown by its first 8 characters, as on the dashboard. */
    record Pending(Stage stage, String shortIncidentId, DueBadge badge) {
    }

    @GetMapping("/regulatory")
    String overview(Model model) {
        Instant now = clock.instant();
        List<Pending> pending = stages.pending().stream().map(stage -> new Pending(stage,
                stage.incidentId().toString().substring(0, 8),
                DueBadge.of(stage.state(now, dueSoon), stage.dueAt(), now))).toList();
        model.addAttribute("pending", pending);
        model.addAttribute("profiles", profiles.list());
        return "regulatory/overview";
    }
}
