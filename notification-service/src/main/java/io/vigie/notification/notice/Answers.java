package io.vigie.notification.notice;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.events.Topics;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.notice.Questions.Question;
import io.vigie.notification.notice.internal.IncidentStore;
import io.vigie.notification.notice.internal.NoticeWriter;
import io.vigie.platform.outbox.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Answers go back to the contact who asked: an ANSWER notice on their channels at the incident's severity, in their
 * language, threaded with the incident's emails (and with their own email when they asked by replying). No review
 * gate: a person wrote it. Each entry point is one transaction that claims the event; a replay (new event id, same
 * answer) is stopped by the notice table, which takes one ANSWER per message. Nothing here touches the incident's facts
 * or its update schedule.
 */
@Service
class Answers {

    private static final Logger log = LoggerFactory.getLogger(Answers.class);
    /** An email's Message-ID as a header may carry it: printable ASCII, no spaces or angle brackets inside. */
    private static final Pattern MESSAGE_ID =
            Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e]+@[\\x21-\\x3b\\x3d\\x3f-\\x7e]+>");

    private final ProcessedEvents processedEvents;
    private final Questions messages;
    private final ClientDirectory directory;
    private final IncidentStore incidents;
    private final NoticeWriter writer;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;

    Answers(ProcessedEvents processedEvents, Questions messages, ClientDirectory directory,
            IncidentStore incidents, NoticeWriter writer, ApplicationEventPublisher events, MeterRegistry meters) {
        this.processedEvents = processedEvents;
        this.messages = messages;
        this.directory = directory;
        this.incidents = incidents;
        this.writer = writer;
        this.events = events;
        this.meters = meters;
    }

    /** CLIENT_ANSWERED: an ANSWER notice to the contact, and the message marked answered by it. */
    @Transactional
    public void answered(ClientAnswer answer) {
        if (!processedEvents.claim(answer.eventId(), Topics.INCIDENT_UPDATED)) {
            return;
        }
        Optional<Question> asked = question(answer.incidentId(), answer.messageId(), answer.clientId());
        if (asked.isEmpty()) {
            refuse(answer, "it names no message of this client on this incident");
            return;
        }
        Question message = asked.get();
        String contactId = answer.contactId() != null ? answer.contactId() : message.contactId();
        Optional<Client> client = directory.find(message.clientId());
        Optional<Contact> contact = client.flatMap(found -> found.contacts().stream()
                .filter(candidate -> candidate.id().equals(contactId)).findFirst());
        Optional<IncidentStore.IncidentRow> incident = incidents.find(answer.incidentId());
        if (contact.isEmpty() || incident.isEmpty()) {
            refuse(answer, contact.isEmpty() ? "contact " + contactId + " is not in the directory"
                    : "the incident was never classified here");
            return;
        }
        String language = contact.get().language();
        String text = answer.texts().get(language);
        if (text == null) {
            // Never another language instead: the contact reads theirs or nothing.
            refuse(answer, "it has no text in " + language + ", the language of contact " + contactId);
            return;
        }
        UUID incidentId = answer.incidentId();
        String clientId = message.clientId();
        IncidentFacts facts = incident.get().facts();
        boolean open = incident.get().status() == IncidentStore.Status.OPEN;
        AffectedClient affected = incidents.client(incidentId, clientId)
                .orElse(AffectedClient.unknown(clientId, facts.personalData()));
        NoticeContent now = facts.forClient(affected);
        NoticeContent content = writer.lastTold(incidentId, clientId)
                .map(previous -> now.withSubject(previous.subjectCategory())).orElse(now)
                .answering(language, text, new NoticeContent.Answer(message.id(), contactId, message.receivedAt(),
                        message.text(), repliesTo(message),
                        open ? incidents.nextUpdateAt(incidentId, clientId).orElse(null) : null), open);
        int sequence = writer.nextSequence(incidentId, clientId, Stage.ANSWER);
        if (!writer.create(client.get(), incidentId, Stage.ANSWER, sequence, content,
                affected.emailMayBeCompromised())) {
            log.info("Message {} of incident {} already has its answer notice: nothing sent again", message.id(),
                    incidentId);
            count("already-answered");
            return;
        }
        if (!messages.answered(message.id(), answer.actor(), answer.at(), "NOTICE", text,
                NoticeWriter.noticeId(incidentId, clientId, Stage.ANSWER, sequence))) {
            log.info("Message {} of incident {} was already answered (by phone); the written answer goes out too",
                    message.id(), incidentId);
        }
        meters.counter("vigie.notification.notices", "stage", Stage.ANSWER.name()).increment();
        count("notice");
        events.publishEvent(new NoticesPlanned(1));
    }

    /** CLIENT_CALL: nothing is sent; a call that answered a message marks it answered by phone. */
    @Transactional
    public void called(ClientCall call) {
        if (!processedEvents.claim(call.eventId(), Topics.INCIDENT_UPDATED) || call.messageId() == null) {
            return;
        }
        Optional<Question> asked = question(call.incidentId(), call.messageId(), call.clientId());
        if (asked.isEmpty()) {
            log.warn("Call {} on incident {} answered message {}, which is no message of client {} on it",
                    call.eventId(), call.incidentId(), call.messageId(), call.clientId());
            return;
        }
        count(messages.answered(call.messageId(), call.actor(), call.at(), "PHONE", call.summary(), null)
                ? "phone" : "already-answered");
    }

    private Optional<Question> question(UUID incidentId, UUID messageId, String clientId) {
        if (messageId == null) {
            return Optional.empty();
        }
        return messages.question(messageId).filter(message -> message.incidentId().equals(incidentId)
                && (clientId == null || message.clientId().equals(clientId)));
    }

    /** The Message-ID of the client's email, when the message came by email and its id can go in a header as is. */
    static String repliesTo(Question message) {
        if (!"EMAIL_REPLY".equals(message.via()) || message.externalId() == null) {
            return null;
        }
        String id = message.externalId().strip();
        id = id.startsWith("<") ? id : "<" + id + ">";
        return MESSAGE_ID.matcher(id).matches() ? id : null;
    }

    private void refuse(ClientAnswer answer, String why) {
        log.warn("Answer {} to message {} of incident {} refused, nothing sent: {}", answer.eventId(),
                answer.messageId(), answer.incidentId(), why);
        count("refused");
    }

    private void count(String outcome) {
        meters.counter("vigie.notification.answers", "outcome", outcome).increment();
    }
}
