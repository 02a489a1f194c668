package io.vigie.notification.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.events.ClientMessageChannel;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.Topics;
import io.vigie.notification.conversation.internal.MessageRows;
import io.vigie.notification.notice.Questions;
import io.vigie.notification.notice.Questions.Question;
import io.vigie.platform.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place where a client's message enters Vigie: stored, then published as ClientMessageReceived in the same
 * transaction, so case-service puts it on the case timeline exactly once, and the communications mailbox is told
 * ({@link CommsAlerts}, queued in that transaction too). Whatever the way in (the question page, an email reply, a
 * quarantined email a human attached), it ends here.
 */
@Service
public class ClientMessages implements Questions {

    private final MessageRows rows;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;
    private final CommsAlerts comms;

    ClientMessages(MessageRows rows, Outbox outbox, MeterRegistry meters, Clock clock, CommsAlerts comms) {
        this.rows = rows;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
        this.comms = comms;
    }

    /**
     * Stores the message, publishes it and queues the email to the communications mailbox. A message whose
     * {@code externalId} was already received is not stored again: the first one is returned, and nothing is
     * published.
     *
     * @return the stored message, and whether it is new
     */
    @Transactional
    public Received receive(ClientMessage message) {
        if (message.origin().externalId() != null) {
            Optional<ClientMessage> earlier = rows.byExternalId(message.origin().externalId());
            if (earlier.isPresent()) {
                return new Received(earlier.get(), false);
            }
        }
        ClientMessage.Author author = message.author();
        ClientMessage.Origin origin = message.origin();
        rows.insert(message);
        outbox.append(Topics.CLIENT_MESSAGES, message.incidentId().toString(), ClientMessageReceived.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(clock.instant()).setProducer("notification-service")
                .setIncidentId(message.incidentId()).setMessageId(message.id()).setClientId(author.clientId())
                .setContactId(author.contactId()).setContactName(author.contactName())
                .setLanguage(author.language()).setVia(ClientMessageChannel.valueOf(origin.via()))
                .setText(message.text()).setReceivedAt(message.receivedAt()).setAboutNoticeId(origin.aboutNoticeId())
                .setEvidenceSha256(origin.evidenceSha256()).setAttachedBy(origin.attachedBy())
                .build());
        comms.tell(message);
        meters.counter("vigie.notification.client-messages", "via", message.origin().via()).increment();
        return new Received(message, true);
    }

    public record Received(ClientMessage message, boolean fresh) {
    }

    @Transactional(readOnly = true)
    public Optional<ClientMessage> find(UUID id) {
        return rows.find(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Question> question(UUID messageId) {
        return find(messageId).map(ClientMessage::question);
    }

    /** What one client wrote about one incident, oldest first. */
    @Transactional(readOnly = true)
    public List<ClientMessage> of(UUID incidentId, String clientId) {
        return rows.of(incidentId, clientId);
    }

    /**
     * Records the answer; the first answer wins (a second one, replayed or concurrent, changes nothing).
     *
     * @param via {@code NOTICE} or {@code PHONE}
     * @return whether this call recorded it
     */
    @Override
    @Transactional
    public boolean answered(UUID messageId, String answeredBy, Instant answeredAt, String via, String answerText,
                            UUID answerNoticeId) {
        return rows.answered(messageId, answeredBy, answeredAt, via, answerText, answerNoticeId);
    }
}
