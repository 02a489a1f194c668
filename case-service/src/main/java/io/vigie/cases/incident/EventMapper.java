package io.vigie.cases.incident;

import io.vigie.events.AffectedClient;
import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.ClientNotified;
import io.vigie.events.IncidentClosed;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.SlaClockKind;
import io.vigie.events.SlaClockResult;
import io.vigie.events.SurveyAnswered;
import io.vigie.events.UpdateKind;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The edge between the Avro contract and the case's domain: nothing generated goes further than this class. */
final class EventMapper {

    static final String PRODUCER = "case-service";

    private EventMapper() {
    }

    static Classification toClassification(AlertClassified event) {
        Set<String> clients = new LinkedHashSet<>();
        Set<String> dataCategories = new LinkedHashSet<>();
        event.getDataCategories().forEach(category -> dataCategories.add(category.name()));
        for (AffectedClient client : event.getAffectedClients()) {
            clients.add(client.getClientId());
            client.getDataCategories().forEach(category -> dataCategories.add(category.name()));
        }
        // previousSeverity is not read: the case compares the severities itself. gdprDeadline is not read either:
        // legal deadlines come from regulatory-service, not from triage.
        return new Classification(origin(event.getEventId(), event.getOccurredAt(), event.getProducer()),
                event.getIncidentId(), event.getAlertId(), Classification.Change.valueOf(event.getChange().name()),
                new Headline(event.getTitle(), event.getSummary(), Severity.valueOf(event.getSeverity().name()),
                        event.getPriority(), event.getCategory().name()),
                new Detection(event.getSource().name(), event.getSourceReference(), event.getDetectedAt(),
                        event.getAlertReceivedAt()),
                new Scope(event.getPersonalDataInvolved(), event.getImpact(), List.copyOf(event.getAffectedAssets()),
                        List.copyOf(event.getAffectedServices()), List.copyOf(dataCategories)),
                List.copyOf(clients),
                event.getSuggestedClients().stream().map(client -> new Classification.Suggestion(
                        client.getClientId(), List.copyOf(client.getAssets()), List.copyOf(client.getServices())))
                        .toList(),
                new Classification.Rationale(event.getNotifyClients(), event.getRationale().stream()
                        .map(rule -> rule.getRuleId() + ": " + rule.getEffect()).toList()));
    }

    static Delivery toDelivery(ClientNotified event) {
        return new Delivery(origin(event.getEventId(), event.getOccurredAt(), event.getProducer()),
                event.getIncidentId(),
                new Notice(event.getNoticeId(), event.getClientId(), event.getStage().name(), event.getSequence()),
                new Delivery.Route(event.getChannel().name(), event.getRecipient(), event.getLanguage(),
                        event.getOutOfBand()),
                Delivery.Outcome.valueOf(event.getOutcome().name()), event.getError(), event.getRespondedBy(),
                event.getHeldUntil(), event.getAnswersMessageId());
    }

    private static EventOrigin origin(UUID eventId, Instant occurredAt, String producer) {
        return new EventOrigin(eventId, occurredAt, producer);
    }

    static Received<ClientMessage> toMessageReceived(ClientMessageReceived event) {
        ClientContact from = new ClientContact(event.getClientId(), event.getContactId(),
                plain(event.getContactName()), event.getLanguage());
        return new Received<>(event.getEventId(), event.getOccurredAt(), event.getProducer(), event.getIncidentId(),
                new ClientMessage(event.getMessageId(), from, ClientMessage.Via.valueOf(event.getVia().name()),
                        plain(event.getText()), event.getReceivedAt(), event.getAboutNoticeId(),
                        event.getEvidenceSha256(), event.getAttachedBy(), null));
    }

    static Received<SurveyAnswer> toSurveyAnswer(SurveyAnswered event) {
        ClientContact from = new ClientContact(event.getClientId(), event.getContactId(),
                plain(event.getContactName()), event.getLanguage());
        return new Received<>(event.getEventId(), event.getOccurredAt(), event.getProducer(), event.getIncidentId(),
                new SurveyAnswer(event.getIncidentId(), from, event.getHandlingRating(),
                        event.getCommunicationRating(), event.getQuestionsAnswered(),
                        event.getComment() == null || event.getComment().isBlank() ? null : plain(event.getComment()),
                        event.getAnsweredAt()));
    }

    /**
     * A client's words without control characters but line breaks and tabs: PostgreSQL refuses a NUL in text, and
     * nothing a client typed may make the record unreadable or unstorable.
     */
    static String plain(String text) {
        return text.codePoints().filter(c -> !Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    static RaisedAlert toRaisedAlert(AlertRaised event) {
        return new RaisedAlert(origin(event.getEventId(), event.getOccurredAt(), event.getProducer()),
                event.getAlertId(), new Detection(event.getSource().name(), event.getSourceReference(),
                event.getDetectedAt(), event.getReceivedAt()), event.getSourceName(), event.getTitle(),
                event.getDescription(), event.getAsset());
    }

    static Closure toClosure(IncidentClosed event) {
        return new Closure(event.getEventId(), event.getOccurredAt(), event.getProducer(), event.getIncidentId(),
                event.getApprovedBy(), event.getApprovedAt(), event.getRootCause());
    }

    static IncidentUpdated toUpdated(IncidentCase after, Instant at, Command command, String actor,
                                     UpdateDetails details) {
        UpdateKind kind = kind(command);
        IncidentUpdated.Builder event = IncidentUpdated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setProducer(PRODUCER)
                .setIncidentId(after.id())
                .setKind(kind)
                .setActor(actor)
                .setStatus(IncidentStatus.valueOf(after.status().name()))
                .setSeverity(io.vigie.events.Severity.valueOf(after.severity().name()))
                .setPreviousSeverity(details.previousSeverity() == null ? null
                        : io.vigie.events.Severity.valueOf(details.previousSeverity().name()))
                .setMessage(details.message())
                // An approval releases a notice that exists already: it asks for no new one. A dismissed attribution
                // confirms no client: nobody to tell.
                .setNotifyClients(kind == UpdateKind.CLIENT_UPDATE
                        || kind == UpdateKind.CLIENTS_CONFIRMED && !details.confirmedClients().isEmpty())
                .setAssignee(after.assignee())
                .setConfirmedClients(details.confirmedClients())
                .setDetachedClients(details.detachedClients());
        ClientUpdate update = details.clientUpdate();
        if (update != null) {
            // measuresTaken stays empty: free text in one language is for no client (the measures travel as codes).
            event.setClientMessages(update.messages().byCode())
                    .setMeasures(update.measures().stream().map(measure -> io.vigie.events.Measure.valueOf(
                            measure.name())).toList())
                    .setResolutionPlan(update.resolutionPlan())
                    .setEstimatedResolutionAt(update.estimatedResolutionAt());
        }
        NoticeApproval approval = details.approval();
        if (approval != null) {
            event.setApprovedNoticeId(approval.noticeId()).setClientMessages(approval.messages().byCode());
        }
        Conversation talk = details.conversation();
        if (talk != null) {
            event.setAnsweredMessageId(talk.answeredMessageId()).setClientId(talk.clientId())
                    .setContactId(talk.contactId()).setClientMessages(talk.messages().byCode());
        }
        return event.build();
    }

    private static UpdateKind kind(Command command) {
        return switch (command) {
            case NOTE -> UpdateKind.NOTE;
            case ACTION -> UpdateKind.ACTION_TAKEN;
            case ASSIGN -> UpdateKind.ASSIGNED;
            case CHANGE_SEVERITY -> UpdateKind.SEVERITY_CHANGED;
            case CLIENT_UPDATE -> UpdateKind.CLIENT_UPDATE;
            // Who is affected, as an analyst settled it: the confirmed client, or nobody.
            // An attached client is one an analyst confirms as affected: the consumers of CLIENTS_CONFIRMED already
            // do what it needs (notification-service tells it, triage stops waiting for attribution).
            case CONFIRM_CLIENT, DISMISS_ATTRIBUTION, ATTACH_CLIENT -> UpdateKind.CLIENTS_CONFIRMED;
            case DETACH_CLIENT -> UpdateKind.CLIENT_DETACHED;
            case APPROVE_NOTICE -> UpdateKind.NOTICE_APPROVED;
            case ANSWER_CLIENT -> UpdateKind.CLIENT_ANSWERED;
            case LOG_CALL -> UpdateKind.CLIENT_CALL;
            case RESOLVE -> throw new IllegalArgumentException("a resolution is published as IncidentResolved");
        };
    }

    static IncidentResolved toResolved(IncidentCase after, Resolution resolution, String actor,
                                       List<String> clientIds, List<SlaResult> slaClocks) {
        return IncidentResolved.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(after.clocks().resolvedAt())
                .setProducer(PRODUCER)
                .setIncidentId(after.id())
                .setResolvedAt(after.clocks().resolvedAt())
                .setResolvedBy(actor)
                .setSeverity(io.vigie.events.Severity.valueOf(after.severity().name()))
                .setCategory(io.vigie.events.IncidentCategory.valueOf(after.headline().category()))
                .setSummary(resolution.summary())
                .setCorrectiveActions(resolution.correctiveActions())
                .setDataCompromised(resolution.dataCompromised())
                .setAffectedClientIds(clientIds)
                .setClientMessages(resolution.messages().byCode())
                .setSlaClocks(slaClocks.stream().map(EventMapper::toEvent).toList())
                .build();
    }

    private static SlaClockResult toEvent(SlaResult result) {
        return SlaClockResult.newBuilder()
                .setClock(SlaClockKind.valueOf(result.clock()))
                .setStartedAt(result.startedAt())
                .setEndedAt(result.endedAt())
                .setTargetSeconds(result.target().toSeconds())
                .setMet(result.met())
                .build();
    }
}
