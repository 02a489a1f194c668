package io.vigie.notification.deadlines;

import io.vigie.events.RegulatoryReportChanged;
import io.vigie.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * regulatory-service's report changes. Only its two announcements of a deadline (DUE_SOON, OVERDUE, each sent once per
 * report) concern the managers; opening, moving, submitting or withdrawing a report is seen on regulatory-service's
 * pages and emails nobody here.
 */
@Component
class RegulatoryReportsListener {

    private static final String GROUP = "notification-service";

    private final DeadlineWarnings warnings;

    RegulatoryReportsListener(DeadlineWarnings warnings) {
        this.warnings = warnings;
    }

    @KafkaListener(topics = Topics.REGULATORY_REPORTS, groupId = GROUP)
    void on(RegulatoryReportChanged event) {
        switch (event.getChange()) {
            case DUE_SOON -> warnings.warn(toWarning(event, DeadlineWarning.Kind.DUE_SOON));
            case OVERDUE -> warnings.warn(toWarning(event, DeadlineWarning.Kind.OVERDUE));
            default -> { }
        }
    }

    static DeadlineWarning toWarning(RegulatoryReportChanged event, DeadlineWarning.Kind kind) {
        return new DeadlineWarning(event.getEventId(), kind, event.getIncidentId(), event.getClientId(),
                event.getTitle(), event.getRule(), event.getDueAt(), event.getAuthority());
    }
}
