package io.vigie.cases.incident;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads cases for the API, the dashboard and the meters. */
@Component
public class CaseQueries {

    /** The board shows at most this many cases; filters narrow it down. */
    public static final int BOARD_LIMIT = 500;

    private final CaseRepository cases;

    CaseQueries(CaseRepository cases) {
        this.cases = cases;
    }

    public IncidentCase get(UUID id) {
        return cases.find(id).orElseThrow(() -> new CaseNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public List<IncidentCase> list(CaseFilter filter) {
        return cases.list(filter, BOARD_LIMIT);
    }

    public List<ClientNotice> clients(UUID id) {
        return cases.clients(id);
    }

    public List<AttachedAlert> alerts(UUID id) {
        return cases.alerts(id);
    }

    public List<IncidentCase> openedSince(Instant since) {
        return cases.openedSince(since);
    }

    public long failedNotices() {
        return cases.countFailedNotices();
    }

    public List<String> clientIds() {
        return cases.distinct("client");
    }

    public List<String> categories() {
        return cases.distinct("category");
    }

    public List<String> assignees() {
        return cases.distinct("assignee");
    }
}
