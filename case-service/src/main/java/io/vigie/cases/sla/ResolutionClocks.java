package io.vigie.cases.sla;

import io.vigie.cases.incident.IncidentCase;
import io.vigie.cases.incident.SlaResult;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The case's SLA clocks at its resolution, with the targets that applied at its severity: what the post-mortem
 * judges the response against. The answer clocks stay out (they belong to each client message, not to the response),
 * and a DETECT result is added (the source's detection → the first alert received), which has a target but no clock on
 * the board since it is over before the case opens.
 */
@Component
class ResolutionClocks implements SlaResult.AtResolution {

    private static final Set<ClockKind> RESPONSE = Set.of(ClockKind.CLASSIFY, ClockKind.NOTIFY, ClockKind.ACKNOWLEDGE,
            ClockKind.RESOLVE);

    private final SlaProperties targets;

    ResolutionClocks(SlaProperties targets) {
        this.targets = targets;
    }

    @Override
    public List<SlaResult> of(IncidentCase resolved) {
        if (!resolved.classified() || resolved.severity() == null || resolved.clocks().resolvedAt() == null) {
            return List.of();
        }
        List<SlaResult> results = new ArrayList<>();
        Duration toDetect = targets.of(resolved.severity()).toDetect();
        if (resolved.clocks().detectedAt() != null && resolved.clocks().openedAt() != null) {
            Duration took = Duration.between(resolved.clocks().detectedAt(), resolved.clocks().openedAt());
            results.add(new SlaResult("DETECT", resolved.clocks().detectedAt(), resolved.clocks().openedAt(), toDetect,
                    took.compareTo(toDetect) <= 0));
        }
        for (SlaClock clock : SlaClocks.compute(resolved, targets, resolved.clocks().resolvedAt())) {
            if (RESPONSE.contains(clock.kind())) {
                results.add(new SlaResult(clock.kind().name(), clock.start(), clock.end(), clock.target(),
                        met(clock.state())));
            }
        }
        return List.copyOf(results);
    }

    private static Boolean met(ClockState state) {
        return switch (state) {
            case MET -> true;
            case BREACHED -> false;
            default -> null;
        };
    }
}
