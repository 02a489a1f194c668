package io.vigie.postmortem.incident;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The incidents as this service knows them. Other features read them here; only the listeners of this package
 * change them.
 */
@Service
public class IncidentProjection {

    private final IncidentRepository incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentProjection(IncidentRepository incidents, ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Incident> find(UUID incidentId) {
        return incidents.find(incidentId);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(UUID incidentId) {
        return incidents.timeline(incidentId);
    }

    /** Runs in the caller's transaction, with the event's claim. */
    void apply(UUID eventId, UUID incidentId, UnaryOperator<Incident> change, TimelineEntry entry) {
        Instant now = clock.instant();
        Incident known = incidents.lock(incidentId, now);
        Incident changed = change.apply(known);
        incidents.save(changed, now);
        incidents.append(eventId, incidentId, entry);
        if (changed.resolvedAt() != null && !changed.resolvedAt().equals(known.resolvedAt())) {
            // Synchronous and in this transaction: the draft commits with the resolution, or neither does.
            events.publishEvent(new IncidentResolvedInProjection(changed));
        }
    }
}
