package io.vigie.cases.incident;

import java.util.UUID;

/**
 * Which cases a board or a list shows; null fields do not filter. Without a status, only active cases
 * (OPEN, NOTIFIED, IN_PROGRESS) and those with a client message nobody answered yet or a regulatory report due soon or
 * overdue; with an {@code alertId}, the case holding that alert whatever its status (the SIEM's webhook answer gives
 * only the alert's id).
 */
public record CaseFilter(Severity severity, CaseStatus status, String client, String category, String assignee,
                         UUID alertId) {

    public CaseFilter(Severity severity, CaseStatus status, String client, String category, String assignee) {
        this(severity, status, client, category, assignee, null);
    }

    public static CaseFilter active() {
        return new CaseFilter(null, null, null, null, null);
    }
}
