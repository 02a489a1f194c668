package io.vigie.regulatory.regime;

import io.vigie.regulatory.regime.internal.RegimeProfileTable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The clients' regime profiles: managers set them, the obligations read them. */
@Service
public class RegimeProfiles {

    private final RegimeProfileTable table;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegimeProfiles(RegimeProfileTable table, ApplicationEventPublisher events, Clock clock) {
        this.table = table;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<RegimeProfile> find(String clientId) {
        return table.find(clientId);
    }

    @Transactional(readOnly = true)
    public List<RegimeProfile> list() {
        return table.list();
    }

    /** The client's name from the directory, or its id while the directory has not said. */
    @Transactional(readOnly = true)
    public String clientName(String clientId) {
        return table.clientName(clientId).orElse(clientId);
    }

    /**
     * Replaces the client's profile, and has the client's unresolved incidents evaluated again in the same
     * transaction (a profile often arrives after the incident that shows it was needed). Reports already opened stay
     * open: withdrawing one is a manager's decision, with a reason.
     */
    @Transactional
    public RegimeProfile save(String clientId, RegimeRequest request, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        table.save(clientId, request, actor, now);
        events.publishEvent(new RegimeProfileSaved(clientId));
        return find(clientId).orElseThrow();
    }

    @Transactional
    void nameClient(String clientId, String name) {
        table.nameClient(clientId, name);
    }
}
