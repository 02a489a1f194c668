package io.vigie.cases.regulatory;

import io.vigie.events.RegulatoryReportChanged;
import io.vigie.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** regulatory-service's reports, keyed by incident: one incident's changes arrive in order. */
@Component
class RegulatoryReportListener {

    private final RegulatoryReportProjection projection;

    RegulatoryReportListener(RegulatoryReportProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.REGULATORY_REPORTS, groupId = "case-service")
    void on(RegulatoryReportChanged event) {
        projection.on(RegulatoryReportMapper.toChange(event));   // idempotent on event id
    }
}
