package io.vigie.cases.incident;

import io.vigie.cases.timeline.EntryType;
import io.vigie.cases.timeline.Timeline;
import io.vigie.events.Topics;
import io.vigie.platform.outbox.ProcessedEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds cases from the other services' events. Each event is handled in one transaction: claim its id, change the
 * case, write the timeline entry. A redelivered or replayed event changes nothing.
 */
@Component
class CaseProjection {

    private final CaseRepository cases;
    private final Timeline timeline;
    private final ProcessedEvents processedEvents;
    private final ApplicationEventPublisher changes;
    private final CaseMeters meters;
    private final Clock clock;

    CaseProjection(CaseRepository cases, Timeline timeline, ProcessedEvents processedEvents,
                   ApplicationEventPublisher changes, CaseMeters meters, Clock clock) {
        this.cases = cases;
        this.timeline = timeline;
        this.processedEvents = processedEvents;
        this.changes = changes;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    public void on(Classification c) {
        if (!processedEvents.claim(c.eventId(), Topics.ALERT_CLASSIFIED)) {
            return;
        }
        Instant now = clock.instant();
        IncidentCase current = lockOrStub(c.incidentId(), c.alertReceivedAt(), now);
        String what;
        if (!current.classified()) {
            cases.classifyStub(c, now);
            what = "Incident opened";
        } else {
            boolean escalate = c.change() == Classification.Change.ESCALATED
                    && c.severity().ordinal() < current.severity().ordinal();
            cases.merge(current, c, escalate, now);
            what = escalate ? "Escalated from " + current.severity() + " to " + c.severity() : "Alert attached";
        }
        c.clients().forEach(client -> cases.addClientIfAbsent(c.incidentId(), client, now));
        attachAlert(c);
        timeline.append(c.incidentId(), c.occurredAt(), c.producer(), EntryType.ALERT_CLASSIFIED,
                what + ": " + c.severity() + " " + c.category() + ", priority " + c.priority() + ". " + c.title()
                        + (c.clients().isEmpty() ? "" : ". Clients: " + String.join(", ", c.clients()))
                        + (c.personalData() ? ". Personal data involved (GDPR 72-hour clock)" : "")
                        + (c.rulesFired().isEmpty() ? "" : ". Rules: " + String.join("; ", c.rulesFired())));
        changes.publishEvent(new CaseChanged(c.incidentId()));
    }

    private void attachAlert(Classification c) {
        CaseRepository.AlertLink link = cases.alertLink(c.alertId()).orElse(null);
        if (link == null) {
            cases.insertClassifiedAlert(c);
        } else if (link.incidentId() == null) {
            cases.attachAlert(c.alertId(), c.incidentId());
        }
    }

    @Transactional
    public void on(RaisedAlert a) {
        if (!processedEvents.claim(a.eventId(), Topics.ALERT_RAISED)) {
            return;
        }
        CaseRepository.AlertLink link = cases.alertLink(a.alertId()).orElse(null);
        if (link == null) {
            cases.insertRaisedAlert(a);
            return;
        }
        cases.completeWithRaised(a);
        if (link.incidentId() != null) {
            // The classification overtook the alert on the other topic: the alert's own details join the record now,
            // under the case's lock like every other entry of its timeline.
            cases.lock(link.incidentId());
            timeline.append(link.incidentId(), a.receivedAt(), a.producer(), EntryType.ALERT_RAISED,
                    "Alert from " + a.sourceName() + " (" + a.source() + ", " + a.sourceReference() + "): "
                            + a.title() + (a.asset() == null ? "" : " on " + a.asset()));
            changes.publishEvent(new CaseChanged(link.incidentId()));
        }
    }

    @Transactional
    public void on(Delivery d) {
        if (!processedEvents.claim(d.eventId(), Topics.CLIENT_NOTIFIED)) {
            return;
        }
        Instant now = clock.instant();
        IncidentCase current = lockOrStub(d.incidentId(), d.occurredAt(), now);
        switch (d.outcome()) {
            case SENT -> {
                cases.recordNotice(d.incidentId(), d.clientId(), unlessAcknowledged(d, NoticeStatus.SENT), d.stage(), d.channel(),
                        null, d.occurredAt());
                if (current.firstNotifiedAt() == null && !d.toRegulator()) {
                    cases.set(d.incidentId(), now, "first_notified_at", d.occurredAt());
                }
                if (d.toRegulator() && current.regulatorNotifiedAt() == null) {
                    cases.set(d.incidentId(), now, "regulator_notified_at", d.occurredAt());
                }
                if (current.status().afterClientNotice() != current.status()) {
                    cases.set(d.incidentId(), now, "status", current.status().afterClientNotice());
                }
            }
            case FAILED -> cases.recordNotice(d.incidentId(), d.clientId(), unlessAcknowledged(d, NoticeStatus.FAILED),
                    d.stage(), d.channel(), d.error(), d.occurredAt());
            case ACKNOWLEDGED -> {
                cases.recordNotice(d.incidentId(), d.clientId(), NoticeStatus.ACKNOWLEDGED, d.stage(), d.channel(),
                        null, d.occurredAt());
                if (current.firstAcknowledgedAt() == null) {
                    cases.set(d.incidentId(), now, "first_acknowledged_at", d.occurredAt());
                    meters.acknowledged(current.severity(), Duration.between(current.openedAt(), d.occurredAt()));
                }
            }
            case AGREED, DECLINED -> {
                // A survey answer after closure: it goes on the record, the notice status stays as it was.
            }
        }
        timeline.append(d.incidentId(), d.occurredAt(), d.producer(), EntryType.CLIENT_NOTIFIED,
                d.stage() + " notice " + d.sequence() + " to " + d.clientId() + " by " + d.channel()
                        + (d.outOfBand() ? " (out of band)" : "") + ": " + d.outcome()
                        + (d.recipient() == null ? "" : " (" + d.recipient() + ")")
                        + (d.error() == null ? "" : ", " + d.error())
                        + (d.respondedBy() == null ? "" : ", by " + d.respondedBy()));
        changes.publishEvent(new CaseChanged(d.incidentId()));
    }

    /** An acknowledgement is the strongest fact about a client: a later attempt's outcome does not undo it. */
    private NoticeStatus unlessAcknowledged(Delivery d, NoticeStatus outcome) {
        boolean acknowledged = cases.clients(d.incidentId()).stream()
                .anyMatch(client -> client.clientId().equals(d.clientId())
                        && client.status() == NoticeStatus.ACKNOWLEDGED);
        return acknowledged ? NoticeStatus.ACKNOWLEDGED : outcome;
    }

    @Transactional
    public void on(Closure closure) {
        if (!processedEvents.claim(closure.eventId(), Topics.INCIDENT_CLOSED)) {
            return;
        }
        Instant now = clock.instant();
        IncidentCase current = lockOrStub(closure.incidentId(), closure.occurredAt(), now);
        if (current.status() != CaseStatus.CLOSED) {
            cases.set(closure.incidentId(), now, new String[] {"status", "closed_at"}, CaseStatus.CLOSED,
                    closure.approvedAt());
        }
        timeline.append(closure.incidentId(), closure.occurredAt(), closure.producer(), EntryType.CLOSED,
                "Closed: post-mortem approved by " + closure.approvedBy() + ". Root cause: " + closure.rootCause());
        changes.publishEvent(new CaseChanged(closure.incidentId()));
    }

    /**
     * Listeners of different topics may see a new incident at the same moment (its classification, its first notice):
     * the stub's insert does nothing when another transaction made it, after waiting for that one to commit, so both
     * end up locking the same row instead of one failing on the primary key.
     */
    private IncidentCase lockOrStub(UUID id, Instant openedAt, Instant now) {
        return cases.lock(id).orElseGet(() -> {
            cases.insertStubIfAbsent(id, openedAt, now);
            return cases.lock(id).orElseThrow();
        });
    }
}
