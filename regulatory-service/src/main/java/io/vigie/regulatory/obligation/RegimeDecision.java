package io.vigie.regulatory.obligation;

import io.vigie.regulatory.regime.Regime;

import java.time.Instant;
import java.util.UUID;

/**
 * Whether a regime applies to an incident for a client: proposed by a trigger, then decided by a manager. For GDPR
 * this is the breach-register entry (Art. 33(5)): the trigger, the decision to notify or not, its reason and who
 * took it, plus the Art. 34 high-risk assessment.
 *
 * @param triggeredBy what proposed it: personal data and where that came from, or the criteria that matched; null
 *                    when a manager declared it without a trigger
 */
public record RegimeDecision(UUID incidentId, String clientId, Regime regime, Status status, String triggeredBy,
                             Instant proposedAt, Instant decidedAt, String decidedBy, String reason,
                             Boolean highRisk) {

    public enum Status { PROPOSED, APPLIES, NOT_APPLIES }
}
