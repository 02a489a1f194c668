package io.vigie.notification.template;

import io.vigie.notification.notice.Stage;
import io.vigie.notification.wording.SupportHours;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Everything a template may show besides the notice's facts: who it is for, the links it carries, what the client's
 * contract offers, and when the client hears next ({@code updateEvery}).
 */
public record NoticeContext(UUID incidentId, Stage stage, int sequence, Reader reader, Links links, Support support,
                            Duration updateEvery) {

    public NoticeContext {
        links = links == null ? Links.NONE : links;
    }

    public NoticeContext withStatusUrl(String url) {
        return new NoticeContext(incidentId, stage, sequence, reader, links.withStatusUrl(url), support, updateEvery);
    }

    /** Who reads it: their language and time zone, their name and their client's. */
    public record Reader(String language, String clientName, String contactName, ZoneId zone) {
    }

    /**
     * The reader's own links. {@code questionUrl}: the contact's "I have a question" link (none for a reader who is
     * not a contact, such as the client's ticketing system); {@code statusUrl}: the contact's status page (none for a
     * reader who is not a client contact).
     */
    public record Links(String ackUrl, String agreementUrl, String surveyUrl, String questionUrl, String statusUrl) {

        public static final Links NONE = new Links(null, null, null, null, null);

        Links withStatusUrl(String url) {
            return new Links(ackUrl, agreementUrl, surveyUrl, questionUrl, url);
        }
    }

    /** Whom to call: the SOC's dedicated contact, and what the client's contract offers (support line, remediation). */
    public record Support(String supportContact, String supportLine, SupportHours supportHours, List<String> offers) {

        public Support {
            offers = offers == null ? List.of() : List.copyOf(offers);
        }
    }
}
