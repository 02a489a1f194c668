package io.vigie.notification.template;

import io.vigie.notification.notice.Stage;
import io.vigie.notification.wording.SupportHours;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Everything a template may show besides the notice's facts: who it is for (their language and time zone), the links
 * it carries, when the client hears next, and what the client's contract offers (support line, remediation offers).
 * {@code questionUrl}: the contact's "I have a question" link (none for a reader who is not a contact, such as the
 * client's ticketing system).
 * {@code statusUrl}: the contact's status page (none for a reader who is not a client contact).
 */
public record NoticeContext(UUID incidentId, Stage stage, int sequence, String language, String clientName,
                            String contactName, String ackUrl, String agreementUrl, String surveyUrl,
                            String supportContact, Duration updateEvery, ZoneId zone, String supportLine,
                            SupportHours supportHours, List<String> offers, String questionUrl,
                            String statusUrl) {

    public NoticeContext {
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    public NoticeContext(UUID incidentId, Stage stage, int sequence, String language, String clientName,
                         String contactName, String ackUrl, String agreementUrl, String surveyUrl,
                         String supportContact, Duration updateEvery, ZoneId zone, String supportLine,
                         SupportHours supportHours, List<String> offers, String questionUrl) {
        this(incidentId, stage, sequence, language, clientName, contactName, ackUrl, agreementUrl, surveyUrl,
                supportContact, updateEvery, zone, supportLine, supportHours, offers, questionUrl, null);
    }

    public NoticeContext withStatusUrl(String url) {
        return new NoticeContext(incidentId, stage, sequence, language, clientName, contactName, ackUrl, agreementUrl,
                surveyUrl, supportContact, updateEvery, zone, supportLine, supportHours, offers, questionUrl, url);
    }
}
