package io.vigie.notification.notice;

import io.vigie.events.ClientNotified;
import io.vigie.events.NoticeStage;
import io.vigie.notification.directory.RecipientMask;

import java.util.UUID;

/** The edge for what this service publishes: a delivery outcome becomes a ClientNotified, recipient masked. */
public final class ClientNotifiedMapper {

    private ClientNotifiedMapper() {
    }

    public static ClientNotified toEvent(DeliveryOutcome outcome) {
        Notice notice = outcome.notice();
        return ClientNotified.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(outcome.at())
                .setProducer("notification-service")
                .setIncidentId(notice.incidentId())
                .setNoticeId(notice.id())
                .setClientId(notice.clientId())
                .setContactId(outcome.to().contactId())
                .setStage(NoticeStage.valueOf(notice.stage().name()))
                .setSequence(notice.sequence())
                .setChannel(io.vigie.events.Channel.valueOf(outcome.to().channel().name()))
                .setOutcome(io.vigie.events.DeliveryOutcome.valueOf(outcome.kind().name()))
                .setOutOfBand(notice.outOfBand())
                .setRecipient(RecipientMask.mask(outcome.to().channel(), outcome.to().address()))
                .setTemplateId(outcome.message().templateId())
                .setLanguage(outcome.message().language())
                .setSubject(outcome.message().subject())
                .setAttempt(Math.max(1, outcome.attempt()))
                .setError(outcome.error())
                .setRespondedBy(outcome.respondedBy())
                .setHeldUntil(outcome.kind() == DeliveryOutcome.Kind.HELD ? notice.heldUntil() : null)
                .setAnswersMessageId(notice.content().answer() == null ? null : notice.content().answer().messageId())
                .build();
    }
}
