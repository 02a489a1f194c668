package io.vigie.notification.deadlines;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.events.Topics;
import io.vigie.notification.conversation.CommsAlerts;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.notice.NoticeProperties;
import io.vigie.notification.wording.Phrases;
import io.vigie.platform.outbox.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Warns the SOC's managers by email that a regulatory report is due soon or overdue: what is due, under which rule,
 * for which client and incident, by when, to which authority, and the link to file it in regulatory-service. The email
 * is queued in the transaction that claims the event ({@link CommsAlerts#queue}, the internal emails' queue) and sent
 * after the commit with its retries, so a redelivered event or a crash between the two never sends it twice or never.
 */
@Service
class DeadlineWarnings {

    private final ManagersProperties managers;
    private final ProcessedEvents processedEvents;
    private final CommsAlerts emails;
    private final DeadlineWords words;
    private final Phrases phrases;
    private final ClientDirectory directory;
    private final NoticeProperties notices;
    private final MeterRegistry meters;

    DeadlineWarnings(ManagersProperties managers, ProcessedEvents processedEvents, CommsAlerts emails,
                     DeadlineWords words, Phrases phrases, ClientDirectory directory, NoticeProperties notices,
                     MeterRegistry meters) {
        this.managers = managers;
        this.processedEvents = processedEvents;
        this.emails = emails;
        this.words = words;
        this.phrases = phrases;
        this.directory = directory;
        this.notices = notices;
        this.meters = meters;
    }

    /** Queues the managers' email about this announcement, once per event. Nothing when no mailbox is set. */
    @Transactional
    public void warn(DeadlineWarning warning) {
        if (!managers.enabled() || !processedEvents.claim(warning.eventId(), Topics.REGULATORY_REPORTS)) {
            return;
        }
        String language = managers.language();
        String kind = warning.kind().name();
        String client = directory.find(warning.clientId()).map(Client::name).orElse(warning.clientId());
        Map<String, String> values = Map.of("title", warning.title(), "rule", warning.rule(),
                "client", client, "clientId", warning.clientId(),
                "ref", CommsAlerts.reference(warning.incidentId()), "incidentId", warning.incidentId().toString(),
                // the comms email's format, so the SOC reads every date of Vigie's emails the same way
                "date", warning.dueAt() == null ? "" : phrases.book(language).dateTime(warning.dueAt(), notices.zone()),
                "authority", warning.authority() == null ? "" : warning.authority(),
                "regulatoryUrl", managers.regulatoryUrl(warning.incidentId()));
        List<String> body = new ArrayList<>();
        body.add(words.text(language, "deadlines.intro." + kind, values));
        body.add("");
        body.add(words.text(language, "deadlines.report", values));
        body.add(words.text(language, "deadlines.rule", values));
        body.add(words.text(language, "deadlines.client", values));
        body.add(words.text(language, "deadlines.incident", values));
        body.add(words.text(language, warning.dueAt() == null ? "deadlines.noDueTime" : "deadlines.due", values));
        body.add(words.text(language, warning.authority() == null ? "deadlines.noAuthority" : "deadlines.authority",
                values));
        if (warning.kind() == DeadlineWarning.Kind.OVERDUE) {
            // regulatory-service takes a late submission only with a reason for the delay (its event's late/reason;
            // GDPR Art. 33(1) second sentence asks it of the controller): the managers should have it ready.
            body.add("");
            body.add(words.text(language, "deadlines.lateReason", values));
        }
        body.add("");
        body.add(words.text(language, "deadlines.open", values));
        body.add(words.text(language, "deadlines.footer"));
        // The event's id is the email's: one row, one Message-ID per announcement.
        emails.queue(warning.eventId(), warning.incidentId(), managers.address().strip(),
                words.text(language, "deadlines.subject." + kind, values), String.join("\n", body));
        meters.counter("vigie.notification.deadline.warnings", "change", kind).increment();
    }
}
