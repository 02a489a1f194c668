package io.vigie.postmortem.report;

import io.vigie.events.ActionItem;
import io.vigie.events.ActionItemKind;
import io.vigie.events.IncidentClosed;
import io.vigie.events.ResponseMetrics;

import java.util.UUID;

/** The edge out: an approved post-mortem as the IncidentClosed event. */
final class IncidentClosedMapper {

    static final String PRODUCER = "postmortem-service";

    private IncidentClosedMapper() {
    }

    static IncidentClosed toEvent(Postmortem p) {
        io.vigie.postmortem.report.ResponseMetrics m = p.metrics();
        return IncidentClosed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(p.approvedAt())
                .setProducer(PRODUCER)
                .setIncidentId(p.incidentId())
                .setPostmortemId(p.id())
                .setApprovedBy(p.approvedBy())
                .setApprovedAt(p.approvedAt())
                .setRootCause(p.analysis().rootCause())
                .setLessonsLearned(p.analysis().lessonsLearned())
                .setActionItems(p.analysis().actionItems().stream().map(item -> ActionItem.newBuilder()
                        .setDescription(item.description())
                        .setOwner(item.owner())
                        .setDueDate(item.dueDate())
                        .setKind(ActionItemKind.valueOf(item.kind().name()))
                        .build()).toList())
                .setMetrics(ResponseMetrics.newBuilder()
                        .setTimeToDetectSeconds(m.seconds("detect"))
                        .setTimeToClassifySeconds(m.seconds("classify"))
                        .setTimeToNotifySeconds(m.seconds("notify"))
                        .setTimeToAcknowledgeSeconds(m.seconds("acknowledge"))
                        .setTimeToResolveSeconds(m.seconds("resolve"))
                        .build())
                .setResponsePlanChangeRequired(p.analysis().responsePlanChangeRequired())
                .setClientSummary(ClientSummary.of(p))
                .setAffectedClientIds(p.incident().affectedClients())
                .build();
    }
}
