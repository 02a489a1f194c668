package io.vigie.postmortem.incident;

import io.vigie.postmortem.incident.internal.IncidentRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        applyAll(List.of(new Change(eventId, incidentId, change, entry)));
    }

    /**
     * Records a survey answer's timeline entry and hands the answer to the report, in the caller's transaction: it
     * changes none of the incident's facts (an approved report keeps those it was approved with).
     */
    void feedback(ClientFeedback feedback, TimelineEntry entry) {
        apply(feedback.key(), feedback.incidentId(), UnaryOperator.identity(), entry);
        // Synchronous and in this transaction: the feedback is kept with its timeline entry and claim, or neither is.
        events.publishEvent(feedback);
    }

    /**
     * Applies the changes in order, in the caller's transaction, with their events' claims: the outcome of applying
     * them one by one, in one lock, one update and one insert for them all.
     */
    void applyAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<UUID, Incident> incidentsNow = incidents.lockAll(changes.stream().map(Change::incidentId).toList(), now);
        List<Incident> resolved = new ArrayList<>();
        for (Change change : changes) {
            Incident known = incidentsNow.get(change.incidentId());
            Incident changed = change.change().apply(known);
            incidentsNow.put(change.incidentId(), changed);
            if (changed.resolvedAt() != null && !changed.resolvedAt().equals(known.resolvedAt())) {
                resolved.add(changed);
            }
        }
        incidents.saveAll(incidentsNow.values(), now);
        incidents.appendAll(changes.stream()
                .map(change -> new IncidentRepository.NewEntry(change.eventId(), change.incidentId(), change.entry()))
                .toList());
        for (Incident incident : resolved) {
            // Synchronous and in this transaction: the draft commits with the resolution, or neither does.
            events.publishEvent(new IncidentResolvedInProjection(incident));
        }
    }

    /**
     * What one event changes in an incident, and the entry it adds to its timeline under {@code eventId}: the event's
     * id, or the id of what it reports when that one can be replayed under a new event id (a client's message, a
     * contact's survey answer), so that it shows once.
     */
    record Change(UUID eventId, UUID incidentId, UnaryOperator<Incident> change, TimelineEntry entry) {
    }
}
