package io.vigie.triage.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.events.Topics;
import io.vigie.platform.outbox.Outbox;
import io.vigie.platform.outbox.ProcessedEvents;
import io.vigie.triage.alert.Alert;
import io.vigie.triage.incident.internal.IncidentRepository;
import io.vigie.triage.incident.internal.IncidentRepository.AlertRecord;
import io.vigie.triage.inventory.Inventory;
import io.vigie.triage.policy.ActivePolicy;
import io.vigie.triage.policy.Classification;
import io.vigie.triage.policy.PolicyEvaluator;
import io.vigie.triage.policy.RuleFired;
import io.vigie.triage.threat.KnownThreats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Classifies alerts and records what they did, in one database transaction per call: the claims of the event ids,
 * the incidents, their correlation keys, the alerts' records and the AlertClassified events in the outbox commit
 * together or not at all. So a redelivered or replayed AlertRaised finds its id claimed and changes nothing, and a
 * crash at any point leaves either all of a call's alerts handled or none.
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

    /**
     * Classifies the alerts in their order, in one transaction. Each alert reads what the earlier ones wrote (the
     * incident they opened or changed, their claims, their records), so the outcome of every alert is the one it
     * would have had in a transaction of its own. The meters count each alert once, after the commit: a batch
     * that is rolled back and handled again counts nothing twice.
     */
    @Transactional
    void classify(List<Alert> alerts) {
        incidents.planForCurrentSizes();
        boolean[] claimed = processedEvents.claimAll(alerts.stream().map(Alert::eventId).toList(),
                Topics.ALERT_RAISED);
        Set<UUID> seen = incidents.seenAlerts(alerts.stream().map(Alert::alertId).toList());

        // Classification needs no database: every new alert is classified first, so that the open incidents under
        // all of their correlation keys can be read (and locked) at once.
        List<Classified> done = new ArrayList<>(alerts.size());
        List<Integer> fresh = new ArrayList<>(alerts.size());
        Set<String> allKeys = new HashSet<>();
        Instant since = null;
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = alerts.get(i);
            Classified classified;
            // A repeat of an alert an earlier record of this batch carries is as seen as one recorded before.
            if (!claimed[i] || !seen.add(alert.alertId())) {
                classified = new Classified(alert, null, null, List.of());
            } else {
                Classification classification = PolicyEvaluator.classify(policy.get(), alert, inventory.match(alert),
                        knownThreats.matches(alert));
                classified = new Classified(alert, null, classification,
                        Correlation.keys(alert, classification.category()));
                fresh.add(i);
                allKeys.addAll(classified.keys());
                Instant alertSince = alert.detectedAt().minus(settings.window());
                since = since == null || alertSince.isBefore(since) ? alertSince : since;
            }
            done.add(classified);
        }
        if (!fresh.isEmpty()) {
            ClassificationBatch batch = new ClassificationBatch(incidents.lockOpen(allKeys, since));
            for (int i : fresh) {
                done.set(i, correlate(done.get(i), batch));
            }
            batch.writeTo(incidents, outbox);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                Instant committed = clock.instant();
                done.forEach(classified -> count(classified, committed));
            }
        });
    }

    /** What one alert did (change null: a duplicate, or not correlated yet), kept until the commit to be counted. */
    private record Classified(Alert alert, Change change, Classification classification, List<String> keys) {
    }

    private Classified correlate(Classified classified, ClassificationBatch batch) {
        Alert alert = classified.alert();
        Classification classification = classified.classification();
        Optional<Incident> open = batch.findOpen(classified.keys(), alert.detectedAt().minus(settings.window()));
        Correlation.Outcome outcome = Correlation.decide(open, alert, classification, settings, UUID.randomUUID());

        if (outcome.change() == Change.IGNORED) {
            batch.recordAlert(new AlertRecord(alert.alertId(), null, Change.IGNORED, false, alert.receivedAt()));
        } else {
            UUID incidentId = outcome.incident().id();
            if (outcome.change() == Change.OPENED) {
                batch.opened(outcome.incident());
            } else {
                batch.updated(outcome.incident());
            }
            batch.addKeys(incidentId, classified.keys());
            batch.recordAlert(new AlertRecord(alert.alertId(), incidentId, outcome.change(), outcome.publish(),
                    alert.receivedAt()));
            if (outcome.publish()) {
                batch.publish(new Outbox.Entry(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                        AlertClassifiedMapper.toEvent(outcome, alert, clock.instant())));
            }
        }
        return new Classified(alert, outcome.change(), classification, classified.keys());
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

    /**
     * An analyst named a client of the incident, or decided that none is to be told (no client confirmed): an incident
     * whose clients nobody knew no longer waits in the work queue for it. The first dismissal counts; a client named
     * after a dismissal replaces it. One transaction: the claim of the event id and the update.
     */
    @Transactional
    boolean attributed(AttributionDecision decision) {
        if (!processedEvents.claim(decision.eventId(), Topics.INCIDENT_UPDATED)) {
            return false;
        }
        boolean changed = incidents.recordAttribution(decision.incidentId(),
                decision.dismissed() ? Attribution.DISMISSED : Attribution.ATTRIBUTED, decision.actor(), decision.at());
        if (!changed) {
            log.info("CLIENTS_CONFIRMED {} for incident {}: unknown here or already settled, nothing to do",
                    decision.eventId(), decision.incidentId());
        }
        return changed;
    }

    private void count(Classified classified, Instant committed) {
        if (classified.change() == null) {
            duplicates.increment();
            return;
        }
        Classification classification = classified.classification();
        meters.counter("vigie.triage.classifications", "severity", classification.severity().name(),
                "category", classification.category().name(), "change", classified.change().name()).increment();
        for (RuleFired rule : classification.rationale()) {
            meters.counter("vigie.triage.rules.fired", "rule", rule.ruleId()).increment();
        }
        delay.record(Duration.between(classified.alert().receivedAt(), committed).abs());
    }
}
