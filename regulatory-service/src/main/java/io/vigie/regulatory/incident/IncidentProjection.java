package io.vigie.regulatory.incident;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The incidents as this service knows them. Other features read them here; only this package's listeners change them. */
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
        return incidents.find(incidentId, false);
    }

    /** The incidents not resolved yet, whose "unresolved for" criteria the clock re-evaluates. */
    @Transactional(readOnly = true)
    public List<Incident> unresolved() {
        return incidents.unresolved();
    }

    /** In the listener's transaction: the first classification creates the incident, later ones merge into it. */
    void classified(UUID incidentId, Incident.Classified event) {
        Incident first = Incident.first(incidentId, event);
        if (incidents.insert(first, clock.instant())) {
            events.publishEvent(new IncidentChanged(first));
        } else {
            change(incidentId, incident -> incident.classified(event));
        }
    }

    /**
     * In the listener's transaction. An update about an incident this service never saw classified (its
     * AlertClassified is on a partition not read yet, or predates the service) is dropped: there is nothing to
     * report about without a classification, and ordering per incident key makes this rare.
     */
    void change(UUID incidentId, UnaryOperator<Incident> change) {
        incidents.find(incidentId, true).ifPresent(known -> {
            Incident changed = change.apply(known);
            incidents.update(changed, clock.instant());
            events.publishEvent(new IncidentChanged(changed));
        });
    }
}
