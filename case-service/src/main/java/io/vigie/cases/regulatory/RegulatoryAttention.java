package io.vigie.cases.regulatory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the board marks on a case: its regulatory reports due soon or overdue at one moment (public for the template
 * engine).
 *
 * @param first the one due first (overdue ones first of all)
 */
public record RegulatoryAttention(int dueSoon, int overdue, RegulatoryReport first, ReportState firstState) {

    /** Null when no report of {@code reports} needs attention at {@code now}. */
    static RegulatoryAttention of(List<RegulatoryReport> reports, Instant now) {
        List<RegulatoryReport> due = reports.stream().filter(r -> r.needsAttentionAt(now))
                .sorted(Comparator.comparing((RegulatoryReport r) -> r.deadline().dueAt(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        if (due.isEmpty()) {
            return null;
        }
        int overdue = (int) due.stream().filter(r -> r.stateAt(now) == ReportState.OVERDUE).count();
        return new RegulatoryAttention(due.size() - overdue, overdue, due.get(0), due.get(0).stateAt(now));
    }

    public int total() {
        return dueSoon + overdue;
    }
}
