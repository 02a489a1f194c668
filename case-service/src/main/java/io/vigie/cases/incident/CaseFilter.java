package io.vigie.cases.incident;

/**
 * Which cases a board or a list shows; null fields do not filter. Without a status, only active cases
 * (OPEN, NOTIFIED, IN_PROGRESS) and those with a client message nobody answered yet.
 */
public record CaseFilter(Severity severity, CaseStatus status, String client, String category, String assignee) {

    public static CaseFilter active() {
        return new CaseFilter(null, null, null, null, null);
    }
}
