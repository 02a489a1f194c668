package io.vigie.triage.incident;

import io.vigie.platform.web.problem.NotFoundException;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.incident.internal.IncidentRepository;
import io.vigie.triage.policy.AffectedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The triage work queue: the open incidents (neither resolved nor closed), whatever the age of their alerts, highest
 * priority first. Every Vigie role may read it.
 */
@RestController
@RequestMapping("/api/incidents")
class WorkQueueController {

    /**
     * One incident of the queue. {@code clients} are the affected ones (notified); {@code suggestedClients} wait for
     * an analyst to confirm them; {@code attribution} AWAITING: its clients must be told but none is known, an analyst
     * must name one on its case (or dismiss it).
     * <p>
     * Wide: the JSON body of each entry of GET /api/incidents, an API contract the analysts' console reads flat.
     */
    record QueueEntry(UUID id, String title, Severity severity, IncidentCategory category, int priority,
                      int alertCount, List<String> clients, List<String> suggestedClients, Attribution attribution,
                      boolean personalDataInvolved, boolean unknownAsset, boolean sourceResolved,
                      Instant firstDetected, Instant lastDetected) {

        static QueueEntry of(IncidentRepository.Queued queued) {
            Incident incident = queued.incident();
            Sightings sightings = incident.sightings();
            return new QueueEntry(incident.id(), incident.title(), incident.severity(), incident.category(),
                    incident.priority(), sightings.alertCount(),
                    incident.classification().affectedClients().stream().map(AffectedClient::clientId).toList(),
                    incident.classification().suggestedClients().stream().map(AffectedClient::clientId).toList(),
                    queued.attribution(), incident.classification().personalDataInvolved(),
                    incident.classification().unknownAsset(),
                    sightings.sourceResolved(), sightings.firstDetected(), sightings.lastDetected());
        }
    }

    private final IncidentRepository incidents;

    WorkQueueController(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    List<QueueEntry> queue(@RequestParam(defaultValue = "50") int limit,
                           @RequestParam(defaultValue = "false") boolean includeSourceResolved) {
        return incidents.queue(includeSourceResolved, Math.max(1, Math.min(limit, 500))).stream()
                .map(QueueEntry::of).toList();
    }

    @GetMapping("/{id}")
    Incident one(@PathVariable UUID id) {
        return incidents.find(id).orElseThrow(() -> new NotFoundException("No incident " + id));
    }
}
