package io.vigie.cases.regulatory;

import io.vigie.cases.incident.CaseChanged;
import io.vigie.cases.incident.CaseLocks;
import io.vigie.cases.regulatory.internal.RegulatoryReportRepository;
import io.vigie.cases.timeline.EntryType;
import io.vigie.cases.timeline.Timeline;
import io.vigie.events.Topics;
import io.vigie.platform.outbox.ProcessedEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the latest of each regulatory report and puts every change on the case's timeline, in one transaction: claim
 * the event id, lock the case, write the report, append the entry. A redelivered or replayed change changes nothing.
 */
@Component
class RegulatoryReportProjection {

    private final RegulatoryReportRepository reports;
    private final CaseLocks locks;
    private final Timeline timeline;
    private final ProcessedEvents processedEvents;
    private final ApplicationEventPublisher changes;
    private final Clock clock;

    RegulatoryReportProjection(RegulatoryReportRepository reports, CaseLocks locks, Timeline timeline,
                               ProcessedEvents processedEvents, ApplicationEventPublisher changes, Clock clock) {
        this.reports = reports;
        this.locks = locks;
        this.timeline = timeline;
        this.processedEvents = processedEvents;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public void on(ReportChange change) {
        if (!processedEvents.claim(change.eventId(), Topics.REGULATORY_REPORTS)) {
            return;
        }
        Instant now = clock.instant();
        locks.lockOrStub(change.incidentId(), change.occurredAt(), now);
        RegulatoryReport previous = reports.find(change.incidentId(), change.report().clientId(),
                change.report().requirement().report()).orElse(null);
        RegulatoryReport current = change.report().keeping(previous)
                .withState(ReportState.after(previous == null ? null : previous.state(), change));
        reports.save(change.incidentId(), current, previous == null);
        timeline.append(change.incidentId(), change.occurredAt(), change.producer(), EntryType.REGULATORY_REPORT,
                RegulatoryWording.timelineEntry(change, current));
        changes.publishEvent(new CaseChanged(change.incidentId()));
    }
}
