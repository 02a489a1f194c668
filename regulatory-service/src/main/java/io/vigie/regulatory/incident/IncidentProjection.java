package io.vigie.regulatory.incident;

import io.vigie.regulatory.incident.internal.IncidentRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
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
        return incidents.find(incidentId, false).filter(Incident::isClassified);
    }

    /** The incidents not resolved yet, whose "unresolved for" criteria the clock re-evaluates. */
    @Transactional(readOnly = true)
    public List<Incident> unresolved() {
        return incidents.unresolved().stream().filter(Incident::isClassified).toList();
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
     * In the listener's transaction. A step about an incident whose classification was not read yet (the topics are
     * read independently, so a resolution can overtake it) is kept on an unclassified incident, which the
     * classification completes: nothing an event said is lost. The rules see the incident once it is classified.
     */
    void change(UUID incidentId, UnaryOperator<Incident> change) {
        Instant now = clock.instant();
        incidents.insert(Incident.unclassified(incidentId), now);
        Incident known = incidents.find(incidentId, true).orElseThrow();
        Incident changed = change.apply(known);
        incidents.update(changed, now);
        if (changed.isClassified()) {
            events.publishEvent(new IncidentChanged(changed));
        }
    }
}
