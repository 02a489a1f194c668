package io.vigie.cases.regulatory;

import io.vigie.cases.regulatory.internal.RegulatoryReportRepository;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the regulatory reports for the API and the dashboard. */
@Component
public class RegulatoryReports {

    private final RegulatoryReportRepository reports;

    RegulatoryReports(RegulatoryReportRepository reports) {
        this.reports = reports;
    }

    /** The incident's reports, the first due first. */
    public List<RegulatoryReport> of(UUID incidentId) {
        return reports.of(incidentId);
    }

    /** For the cases among {@code ids}: the reports due soon or overdue at {@code now}; cases with none left out. */
    public Map<UUID, RegulatoryAttention> attention(Collection<UUID> ids, Instant now) {
        Map<UUID, RegulatoryAttention> marked = new HashMap<>();
        reports.unsettled(ids).forEach((id, unsettled) -> {
            RegulatoryAttention attention = RegulatoryAttention.of(unsettled, now);
            if (attention != null) {
                marked.put(id, attention);
            }
        });
        return marked;
    }
}
