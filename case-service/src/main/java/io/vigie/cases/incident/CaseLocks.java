package io.vigie.cases.incident;

import io.vigie.cases.incident.internal.CaseRepository;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * The case's row lock for the other features of the case that write its record (the regulatory reports): a timeline
 * entry is appended under it, so one incident's entries stay serialised whoever writes them.
 */
@Component
public class CaseLocks {

    private final CaseRepository cases;

    CaseLocks(CaseRepository cases) {
        this.cases = cases;
    }

    /**
     * Locks the case to the end of the caller's transaction. An event may overtake the incident's classification on
     * another topic: the case is then a placeholder (not classified) that the classification fills in, as for a
     * notice that overtook it.
     */
    public void lockOrStub(UUID id, Instant openedAt, Instant now) {
        if (cases.lock(id).isEmpty()) {
            cases.insertStubIfAbsent(id, openedAt, now);
            cases.lock(id).orElseThrow();
        }
    }
}
