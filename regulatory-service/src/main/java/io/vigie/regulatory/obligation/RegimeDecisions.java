package io.vigie.regulatory.obligation;

import io.vigie.regulatory.obligation.internal.RegimeDecisionTable;
import io.vigie.regulatory.regime.Regime;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads are open to the other features (the drafts, the register); changes are the obligations' own. */
@Component
public class RegimeDecisions {

    private final RegimeDecisionTable table;

    RegimeDecisions(RegimeDecisionTable table) {
        this.table = table;
    }

    /** Records a trigger's proposal unless the regime was already proposed or decided: {@code true} if it is new. */
    boolean propose(UUID incidentId, String clientId, Regime regime, String triggeredBy, Instant at) {
        return table.propose(incidentId, clientId, regime, triggeredBy, at);
    }

    /** Locks the row against a concurrent decision or trigger. */
    Optional<RegimeDecision> lock(UUID incidentId, String clientId, Regime regime) {
        return table.lock(incidentId, clientId, regime);
    }

    void decide(UUID incidentId, String clientId, Regime regime, boolean applies, Boolean highRisk, String actor,
                String reason, Instant at) {
        table.decide(incidentId, clientId, regime, applies, highRisk, actor, reason, at);
    }

    public List<RegimeDecision> ofIncident(UUID incidentId) {
        return table.ofIncident(incidentId);
    }

    public List<RegimeDecision> ofClient(String clientId, Regime regime) {
        return table.ofClient(clientId, regime);
    }
}
