package io.vigie.triage.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.events.Topics;
import io.vigie.platform.outbox.Outbox;
import io.vigie.platform.outbox.ProcessedEvents;
import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.Indicator;
import io.vigie.triage.inventory.Inventory;
import io.vigie.triage.inventory.InventoryMatch;
import io.vigie.triage.policy.ActivePolicy;
import io.vigie.triage.policy.Classification;
import io.vigie.triage.policy.PolicyEvaluator;
import io.vigie.triage.policy.RuleFired;
import io.vigie.triage.threat.KnownThreats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Classifies one alert and records what it did, in one database transaction: the claim of the event id, the
 * incident, its correlation keys, the alert's record and the AlertClassified in the outbox commit together or not
 * at all. So a redelivered or replayed AlertRaised finds its id claimed and changes nothing, and a crash at any
 * point leaves either everything or nothing.
 */
@Service
class Triage {

    private static final Logger log = LoggerFactory.getLogger(Triage.class);

    private final ProcessedEvents processedEvents;
    private final Outbox outbox;
    private final IncidentRepository incidents;
    private final ActivePolicy policy;
    private final Inventory inventory;
    private final KnownThreats knownThreats;
    private final CorrelationSettings settings;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final Counter duplicates;
    private final Timer delay;

    Triage(ProcessedEvents processedEvents, Outbox outbox, IncidentRepository incidents, ActivePolicy policy,
           Inventory inventory, KnownThreats knownThreats, CorrelationSettings settings, MeterRegistry meters) {
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.incidents = incidents;
        this.policy = policy;
        this.inventory = inventory;
        this.knownThreats = knownThreats;
        this.settings = settings;
        this.meters = meters;
        this.duplicates = Counter.builder("vigie.triage.alerts.duplicate")
                .description("AlertRaised events delivered again (redelivery, replay) and ignored").register(meters);
        this.delay = Timer.builder("vigie.triage.classification.delay")
                .description("From the alert received by intake to its classification committed here")
                .publishPercentileHistogram().register(meters);
    }

    @Transactional
    Change classify(Alert alert) {
        if (!processedEvents.claim(alert.eventId(), Topics.ALERT_RAISED) || incidents.alertSeen(alert.alertId())) {
            duplicates.increment();
            return null;
        }
        InventoryMatch match = inventory.match(alert);
        List<Indicator> threats = knownThreats.matches(alert);
        Classification classification = PolicyEvaluator.classify(policy.get(), alert, match, threats);
        List<String> keys = Correlation.keys(alert, classification.category());
        Optional<Incident> open = incidents.findOpen(keys, alert.detectedAt().minus(settings.window()));
        Correlation.Outcome outcome = Correlation.decide(open, alert, classification, settings, UUID.randomUUID());

        Instant now = clock.instant();
        if (outcome.change() == Change.IGNORED) {
            incidents.recordAlert(alert.alertId(), null, Change.IGNORED, false, alert.receivedAt());
        } else {
            if (outcome.change() == Change.OPENED) {
                incidents.insert(outcome.incident());
            } else {
                incidents.update(outcome.incident());
            }
            incidents.addKeys(outcome.incident().id(), keys);
            incidents.recordAlert(alert.alertId(), outcome.incident().id(), outcome.change(), outcome.publish(),
                    alert.receivedAt());
            if (outcome.publish()) {
                outbox.append(Topics.ALERT_CLASSIFIED, outcome.incident().id().toString(),
                        AlertClassifiedMapper.toEvent(outcome, alert, now));
            }
        }
        count(outcome, classification);
        delay.record(Duration.between(alert.receivedAt(), now).abs());
        return outcome.change();
    }

    /**
     * An analyst resolved the incident: it takes no more alerts (a later one with the same key opens a new incident)
     * and leaves the work queue. One transaction: the claim of the event id and the update.
     */
    @Transactional
    boolean resolved(IncidentEnd resolution) {
        if (!processedEvents.claim(resolution.eventId(), Topics.INCIDENT_RESOLVED)) {
            return false;
        }
        boolean changed = incidents.markResolved(resolution.incidentId(), resolution.at());
        if (!changed) {
            log.info("IncidentResolved {} for incident {}: unknown here or already resolved, nothing to do",
                    resolution.eventId(), resolution.incidentId());
        }
        return changed;
    }

    /** The incident's post-mortem was approved: as {@link #resolved}, for IncidentClosed. */
    @Transactional
    boolean closed(IncidentEnd closure) {
        if (!processedEvents.claim(closure.eventId(), Topics.INCIDENT_CLOSED)) {
            return false;
        }
        boolean changed = incidents.markClosed(closure.incidentId(), closure.at());
        if (!changed) {
            log.info("IncidentClosed {} for incident {}: unknown here or already closed, nothing to do",
                    closure.eventId(), closure.incidentId());
        }
        return changed;
    }

    private void count(Correlation.Outcome outcome, Classification classification) {
        meters.counter("vigie.triage.classifications", "severity", classification.severity().name(),
                "category", classification.category().name(), "change", outcome.change().name()).increment();
        for (RuleFired rule : classification.rationale()) {
            meters.counter("vigie.triage.rules.fired", "rule", rule.ruleId()).increment();
        }
    }
}
