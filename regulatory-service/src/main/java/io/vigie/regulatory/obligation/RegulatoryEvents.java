package io.vigie.regulatory.obligation;

import io.vigie.events.RegulatoryChange;
import io.vigie.events.RegulatoryRegime;
import io.vigie.events.RegulatoryReport;
import io.vigie.events.RegulatoryReportChanged;
import io.vigie.events.Topics;
import io.vigie.platform.outbox.Outbox;
import io.vigie.regulatory.obligation.internal.Awareness;
import io.vigie.regulatory.regime.RegimeProfiles;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The edge out: a stage's change as RegulatoryReportChanged, in the outbox of the transaction that made it. */
@Component
class RegulatoryEvents {

    static final String PRODUCER = "regulatory-service";

    private final Outbox outbox;
    private final Awareness awareness;
    private final RegimeProfiles profiles;
    private final Clock clock;

    RegulatoryEvents(Outbox outbox, Awareness awareness, RegimeProfiles profiles, Clock clock) {
        this.outbox = outbox;
        this.awareness = awareness;
        this.profiles = profiles;
        this.clock = clock;
    }

    void publish(Stage stage, RegulatoryChange change, String actor, String reason) {
        Instant awareAt = awareness.find(stage.incidentId(), stage.clientId()).orElse(null);
        String authority = profiles.find(stage.clientId()).map(p -> p.authority(stage.regime())).orElse(null);
        Stage.Submission submission = stage.submission();
        RegulatoryReportChanged event = RegulatoryReportChanged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setProducer(PRODUCER)
                .setIncidentId(stage.incidentId())
                .setClientId(stage.clientId())
                .setRegime(RegulatoryRegime.valueOf(stage.regime().name()))
                .setReport(RegulatoryReport.valueOf(stage.kind().name()))
                .setChange(change)
                .setTitle(stage.kind().title())
                .setRule(stage.kind().rule())
                .setAwareAt(awareAt)
                .setDueAt(stage.dueAt())
                .setAuthority(authority)
                .setSubmittedAt(submission == null ? null : submission.submittedAt())
                .setSubmittedBy(submission == null ? null : submission.submittedBy())
                .setAuthorityReference(submission == null ? null : submission.authorityReference())
                .setLate(submission != null && submission.late())
                .setElementsToFollow(submission == null ? List.of() : submission.elementsToFollow())
                .setActor(actor)
                .setReason(reason)
                .build();
        outbox.append(Topics.REGULATORY_REPORTS, stage.incidentId().toString(), event);
    }
}
