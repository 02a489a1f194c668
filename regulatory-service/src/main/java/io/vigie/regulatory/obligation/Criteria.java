package io.vigie.regulatory.obligation;

import io.vigie.regulatory.incident.Incident;
import io.vigie.regulatory.regime.Regime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Instant;
import java.util.List;

/**
 * {@code vigie.regulatory.criteria.*}: when an incident is proposed as significant (NIS2 Art. 23(3): severe
 * operational disruption or financial loss, or considerable damage to others) or major (DORA Art. 18 and its
 * classification standards: clients affected, duration, data losses, critical services...). A match only proposes:
 * the clocks start, and a manager confirms or overrides.
 */
@ConfigurationProperties("vigie.regulatory.criteria")
public record Criteria(@DefaultValue List<Criterion> nis2Significant, @DefaultValue List<Criterion> doraMajor) {

    /** The names of the criteria the incident meets for the regime, in configuration order. */
    public List<String> matching(Regime regime, Incident incident, boolean personalData, Instant now) {
        List<Criterion> criteria = switch (regime) {
            case NIS2 -> nis2Significant;
            case DORA -> doraMajor;
            case GDPR -> List.of();
        };
        return criteria.stream().filter(c -> c.holds(incident, personalData, now)).map(Criterion::name).toList();
    }
}
