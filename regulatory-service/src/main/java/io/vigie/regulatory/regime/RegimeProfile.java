package io.vigie.regulatory.regime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The regimes a client is bound by, and the language of its filings (the authority's language, not necessarily its
 * contacts'). A null regime does not apply to the client.
 */
public record RegimeProfile(String clientId, String language, Gdpr gdpr, Nis2 nis2, Dora dora, Instant updatedAt,
                            String updatedBy) {

    /**
     * Under GDPR the client is the controller and the SOC its processor (Art. 28): the client notifies its supervisory
     * authority, the SOC informs the client without undue delay (Art. 33(2)) and prepares the notification.
     *
     * @param contactPoint the DPO or other contact point, a mandatory element of the notification (Art. 33(3)(b))
     */
    public record Gdpr(String contactPoint, String supervisoryAuthority) {
    }

    public record Nis2(String entityType, String authority) {
    }

    public record Dora(String competentAuthority) {
    }

    public boolean bound(Regime regime) {
        return switch (regime) {
            case GDPR -> gdpr != null;
            case NIS2 -> nis2 != null;
            case DORA -> dora != null;
        };
    }

    /** Who the regime's reports go to; null when the client is not bound by it. */
    public String authority(Regime regime) {
        return switch (regime) {
            case GDPR -> gdpr == null ? null : gdpr.supervisoryAuthority();
            case NIS2 -> nis2 == null ? null : nis2.authority();
            case DORA -> dora == null ? null : dora.competentAuthority();
        };
    }

    public List<Regime> regimes() {
        List<Regime> regimes = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            if (bound(regime)) {
                regimes.add(regime);
            }
        }
        return regimes;
    }
}
