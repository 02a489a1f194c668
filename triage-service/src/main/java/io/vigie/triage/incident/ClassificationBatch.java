package io.vigie.triage.incident;

import io.vigie.platform.outbox.Outbox;
import io.vigie.triage.incident.internal.IncidentRepository;
import io.vigie.triage.incident.internal.IncidentRepository.AlertRecord;
import io.vigie.triage.incident.internal.IncidentRepository.CorrelationKey;
import io.vigie.triage.incident.internal.IncidentRepository.OpenIncidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the alerts of one transaction see and change, held in memory and written in one round trip per table at the
 * end. It starts from the open incidents the database holds under the batch's correlation keys (locked), and each
 * alert sees the incidents the alerts before it opened or changed, exactly as if every change had been written at
 * once: so a batch has the outcome of the same alerts one transaction each, at a handful of statements per batch
 * instead of about seven per alert.
 */
final class ClassificationBatch {

    /** {@code findOpen}'s choice among several incidents: the most recently active, then the most recently begun. */
    private static final Comparator<Incident> MOST_RECENT = Comparator
            .comparing((Incident each) -> each.sightings().lastDetected())
            .thenComparing(each -> each.sightings().firstDetected()).reversed();

    private final Map<UUID, Incident> open;
    private final Map<String, Set<UUID>> idsByKey;
    private final Map<UUID, Incident> opened = new LinkedHashMap<>();
    private final Map<UUID, Incident> updated = new LinkedHashMap<>();
    private final Set<CorrelationKey> keys = new LinkedHashSet<>();
    private final List<AlertRecord> alerts = new ArrayList<>();
    private final List<Outbox.Entry> events = new ArrayList<>();

    ClassificationBatch(OpenIncidents stored) {
        this.open = new LinkedHashMap<>(stored.byId());
        this.idsByKey = new LinkedHashMap<>();
        stored.idsByKey().forEach((key, ids) -> idsByKey.put(key, new HashSet<>(ids)));
    }

    /** The incident an alert with these keys joins, as {@link IncidentRepository#lockOpen} would find it now. */
    Optional<Incident> findOpen(List<String> correlationKeys, Instant since) {
        return correlationKeys.stream()
                .flatMap(key -> idsByKey.getOrDefault(IncidentRepository.storedKey(key), Set.of()).stream())
                .map(open::get)
                .filter(incident -> incident != null && !incident.sightings().lastDetected().isBefore(since))
                .min(MOST_RECENT);
    }

    void opened(Incident incident) {
        open.put(incident.id(), incident);
        opened.put(incident.id(), incident);
    }

    void updated(Incident incident) {
        open.put(incident.id(), incident);
        (opened.containsKey(incident.id()) ? opened : updated).put(incident.id(), incident);
    }

    void addKeys(UUID incidentId, List<String> correlationKeys) {
        for (String key : correlationKeys) {
            String stored = IncidentRepository.storedKey(key);
            if (idsByKey.computeIfAbsent(stored, k -> new HashSet<>()).add(incidentId)) {
                keys.add(new CorrelationKey(stored, incidentId));
            }
        }
    }

    void recordAlert(AlertRecord alert) {
        alerts.add(alert);
    }

    void publish(Outbox.Entry event) {
        events.add(event);
    }

    /** Writes everything, incidents before what refers to them. */
    void writeTo(IncidentRepository incidents, Outbox outbox) {
        incidents.insertAll(opened.values());
        incidents.updateAll(updated.values());
        incidents.addKeys(keys);
        incidents.recordAlerts(alerts);
        outbox.appendAll(events);
    }
}
