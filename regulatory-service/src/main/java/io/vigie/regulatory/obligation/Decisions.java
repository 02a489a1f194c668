package io.vigie.regulatory.obligation;

import io.vigie.platform.web.problem.NotFoundException;
import io.vigie.regulatory.RefusedException;
import io.vigie.regulatory.incident.Incident;
import io.vigie.regulatory.incident.IncidentProjection;
import io.vigie.regulatory.obligation.internal.Awareness;
import io.vigie.regulatory.obligation.internal.PersonalDataFlags;
import io.vigie.regulatory.regime.Regime;
import io.vigie.regulatory.regime.RegimeProfiles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What people decide about the obligations: personal data involved, whether a regime applies, awareness. */
@Service
public class Decisions {

    private final IncidentProjection incidents;
    private final RegimeProfiles profiles;
    private final RegimeDecisions decisions;
    private final PersonalDataFlags flags;
    private final Awareness awareness;
    private final Triggers triggers;
    private final Stages stages;
    private final Clock clock;

    Decisions(IncidentProjection incidents, RegimeProfiles profiles, RegimeDecisions decisions, PersonalDataFlags flags,
              Awareness awareness, Triggers triggers, Stages stages, Clock clock) {
        this.incidents = incidents;
        this.profiles = profiles;
        this.decisions = decisions;
        this.flags = flags;
        this.awareness = awareness;
        this.triggers = triggers;
        this.stages = stages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RegimeDecision> ofIncident(UUID incidentId) {
        incident(incidentId);
        return decisions.ofIncident(incidentId);
    }

    /** When the client is taken as aware of the incident; empty while no regime asked anything of it. */
    @Transactional(readOnly = true)
    public Optional<Instant> awareAt(UUID incidentId, String clientId) {
        return awareness.find(incidentId, clientId);
    }

    /** An analyst states that personal data of the client is involved: GDPR triggers as if the events had said so. */
    @Transactional
    List<RegimeDecision> flagPersonalData(UUID incidentId, String clientId, String reason, String actor) {
        Incident incident = incident(incidentId);
        flags.flag(incidentId, clientId, actor, reason, now());
        triggers.evaluate(incident);
        return decisions.ofIncident(incidentId).stream().filter(d -> d.clientId().equals(clientId)).toList();
    }

    /**
     * The controller's decisions on a personal-data breach. Not notifying is allowed only where the breach is unlikely
     * to result in a risk (GDPR Art. 33(1)), and the reason stays in the register (Art. 33(5)). A likely high risk to
     * the people concerned opens the communication to them (Art. 34(1)).
     */
    @Transactional
    public RegimeDecision decideGdpr(UUID incidentId, String clientId, boolean notifyAuthority, boolean highRisk,
                              String reason, String actor) {
        incident(incidentId);
        decisions.lock(incidentId, clientId, Regime.GDPR).orElseThrow(() -> RefusedException.conflict(
                "No personal-data breach is recorded for client " + clientId + " in incident " + incidentId
                        + ": flag personal data first"));
        Stage notification = stages.get(incidentId, clientId, ReportKind.GDPR_AUTHORITY_NOTIFICATION);
        if (!notifyAuthority && notification.status() == Stage.Status.SUBMITTED) {
            throw RefusedException.conflict("The supervisory authority was already notified");
        }
        decisions.decide(incidentId, clientId, Regime.GDPR, notifyAuthority, highRisk, actor, reason, now());
        Instant awareAt = awareness.find(incidentId, clientId).orElseThrow();
        if (!notifyAuthority) {
            stages.withdraw(notification, actor, reason);
        } else if (notification.status() == Stage.Status.WITHDRAWN) {
            stages.reopen(notification, awareAt, Deadlines.due(notification.kind(), awareAt, null, null), actor,
                    reason);
        } else if (notification.status() == Stage.Status.OPEN) {
            stages.decided(notification, actor, reason);
        }
        if (highRisk) {
            stages.open(incidentId, clientId, ReportKind.GDPR_DATA_SUBJECTS, awareAt, null, actor, reason);
        } else {
            stages.find(incidentId, clientId, ReportKind.GDPR_DATA_SUBJECTS)
                    .ifPresent(toPeople -> stages.withdraw(toPeople, actor, reason));
        }
        return decisions.lock(incidentId, clientId, Regime.GDPR).orElseThrow();
    }

    /**
     * A manager confirms or overrides the proposal that an incident is NIS2-significant or DORA-major, or declares it
     * where no criterion matched. Under DORA the confirmation is the classification as major, from which the initial
     * notification's 4 hours run (Art. 19(4)(a)).
     */
    @Transactional
    public RegimeDecision decideRegime(UUID incidentId, String clientId, Regime regime, boolean applies, String reason,
                                String actor) {
        if (regime == Regime.GDPR) {
            throw RefusedException.invalid("regime", "GDPR is decided with the gdpr-decision: one of [NIS2, DORA]");
        }
        Incident incident = incident(incidentId);
        profiles.find(clientId).filter(p -> p.bound(regime))
                .orElseThrow(() -> RefusedException.conflict("Client " + clientId + " has no " + regime + " profile"));
        Instant now = now();
        Instant awareAt = awareness.ensure(incidentId, clientId, incident.firstClassifiedAt());
        // A declaration where no criterion matched has no proposal yet: record an empty one, then decide on it.
        decisions.propose(incidentId, clientId, regime, null, now);
        RegimeDecision previous = decisions.lock(incidentId, clientId, regime).orElseThrow();
        RegimeDecision.Status wanted = applies ? RegimeDecision.Status.APPLIES : RegimeDecision.Status.NOT_APPLIES;
        if (previous.status() == wanted) {
            // Confirming twice would move the DORA classification time, hence its deadline, later: refused.
            throw RefusedException.conflict(regime + " was already decided " + wanted + " by " + previous.decidedBy()
                    + " at " + previous.decidedAt() + ": " + previous.reason());
        }
        decisions.decide(incidentId, clientId, regime, applies, null, actor, reason, now);
        List<Stage> ofRegime = stages.ofIncident(incidentId).stream()
                .filter(s -> s.clientId().equals(clientId) && s.regime() == regime).toList();
        if (!applies) {
            ofRegime.stream().filter(s -> s.status() == Stage.Status.OPEN)
                    .forEach(stage -> stages.withdraw(stage, actor, reason));
        } else if (ofRegime.isEmpty()) {
            triggers.openRegime(regime, incidentId, clientId, awareAt, now, actor, reason);
        } else {
            for (Stage stage : ofRegime) {
                // The confirmation is the classification as major under DORA: the initial notification's 4 hours
                // run from now (capped by awareness + 24 h).
                Instant due = stage.kind().basis() == ReportKind.Basis.AWARENESS
                        ? Deadlines.due(stage.kind(), awareAt, now, null) : stage.dueAt();
                if (stage.status() == Stage.Status.WITHDRAWN) {
                    stages.reopen(stage, stage.kind().basis() == ReportKind.Basis.AWARENESS ? awareAt
                            : stage.clockStart(), due, actor, reason);
                } else if (stage.status() == Stage.Status.OPEN) {
                    stages.decided(stage, actor, reason);
                    if (stage.kind() == ReportKind.DORA_INITIAL_NOTIFICATION) {
                        stages.moveDeadline(stage, stage.clockStart(), due, actor, "Classified as major: " + reason);
                    }
                }
            }
        }
        return decisions.lock(incidentId, clientId, regime).orElseThrow();
    }

    /**
     * A manager records when the client really became aware (e.g. it learnt of the breach before the SOC told it):
     * every open deadline that runs from awareness moves with it.
     */
    @Transactional
    public Instant changeAwareness(UUID incidentId, String clientId, Instant awareAt, String reason, String actor) {
        incident(incidentId);
        if (awareAt.isAfter(clock.instant())) {
            throw RefusedException.invalid("awareAt", "must not be in the future");
        }
        if (!awareness.change(incidentId, clientId, awareAt, actor, reason)) {
            throw new NotFoundException("Client " + clientId + " has no regulatory report in incident " + incidentId);
        }
        for (Stage stage : stages.openStages(incidentId, clientId)) {
            if (stage.kind().basis() == ReportKind.Basis.AWARENESS) {
                Instant classifiedMajorAt = stage.kind() == ReportKind.DORA_INITIAL_NOTIFICATION
                        ? classifiedMajorAt(incidentId, clientId) : null;
                stages.moveDeadline(stage, awareAt, Deadlines.due(stage.kind(), awareAt, classifiedMajorAt, null),
                        actor, "Awareness moved: " + reason);
            }
        }
        return awareAt;
    }

    /** The manager's confirmation time, or the automatic proposal's while unconfirmed (DORA Art. 19(4)(a)). */
    private Instant classifiedMajorAt(UUID incidentId, String clientId) {
        RegimeDecision dora = decisions.lock(incidentId, clientId, Regime.DORA).orElseThrow();
        return dora.status() == RegimeDecision.Status.APPLIES ? dora.decidedAt() : dora.proposedAt();
    }

    private Incident incident(UUID incidentId) {
        return incidents.find(incidentId).orElseThrow(() -> new NotFoundException("Unknown incident " + incidentId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
