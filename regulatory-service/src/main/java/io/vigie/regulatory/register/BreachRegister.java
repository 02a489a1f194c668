package io.vigie.regulatory.register;

import io.vigie.regulatory.obligation.RegimeDecision;
import io.vigie.regulatory.obligation.RegimeDecisions;
import io.vigie.regulatory.obligation.ReportKind;
import io.vigie.regulatory.obligation.Stage;
import io.vigie.regulatory.obligation.Stages;
import io.vigie.regulatory.regime.Regime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * GDPR Art. 33(5): the controller documents every personal-data breach, notified or not (the facts, its effects and
 * the remedial action), so the supervisory authority can verify compliance. One entry per incident where personal
 * data of the client was involved, read from the GDPR obligations; nothing here is written by hand.
 */
@Service
public class BreachRegister {

    public enum Decision { PENDING, NOTIFIED, NOT_NOTIFIED }

    /**
     * @param recordedAt when the breach was recorded (personal data known to be involved)
     * @param trigger    how personal data came to be known as involved
     */
    public record Entry(UUID incidentId, Instant recordedAt, String trigger, Decision decision, String reason,
                 String decidedBy, Instant decidedAt, Boolean highRiskToDataSubjects, Instant notifiedAt,
                 String authorityReference) {
    }

    private final RegimeDecisions decisions;
    private final Stages stages;

    BreachRegister(RegimeDecisions decisions, Stages stages) {
        this.decisions = decisions;
        this.stages = stages;
    }

    @Transactional(readOnly = true)
    public List<Entry> of(String clientId) {
        return decisions.ofClient(clientId, Regime.GDPR).stream().map(this::entry).toList();
    }

    private Entry entry(RegimeDecision gdpr) {
        Optional<Stage> notification = stages.find(gdpr.incidentId(), gdpr.clientId(),
                ReportKind.GDPR_AUTHORITY_NOTIFICATION);
        Stage.Submission submitted = notification.map(Stage::submission).orElse(null);
        Decision decision = submitted != null ? Decision.NOTIFIED
                : gdpr.status() == RegimeDecision.Status.NOT_APPLIES ? Decision.NOT_NOTIFIED : Decision.PENDING;
        return new Entry(gdpr.incidentId(), gdpr.proposedAt(), gdpr.triggeredBy(), decision, gdpr.reason(),
                gdpr.decidedBy(), gdpr.decidedAt(), gdpr.highRisk(),
                submitted == null ? null : submitted.submittedAt(),
                submitted == null ? null : submitted.authorityReference());
    }
}
