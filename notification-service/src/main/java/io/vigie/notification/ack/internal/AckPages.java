package io.vigie.notification.ack.internal;

import io.vigie.notification.ack.AckLinks;
import io.vigie.notification.ack.AckPage;
import io.vigie.notification.ack.AckWords;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.notice.NoticeProperties;
import io.vigie.notification.wording.Languages;
import io.vigie.notification.wording.Phrases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose language an acknowledgement or agreement page speaks. A link whose signature holds (valid or expired) names
 * the notice and the contact: the page is in the language their notice was written in (their delivery), dates in
 * their time zone (the directory's, else the service's). A tampered link says nothing trustworthy about its reader, nor
 * does one whose notice is gone: the browser's language among ours, else English.
 */
@Component
public class AckPages {

    private final JdbcTemplate jdbc;
    private final ClientDirectory directory;
    private final AckWords words;
    private final Phrases phrases;
    private final NoticeProperties notices;

    public AckPages(JdbcTemplate jdbc, ClientDirectory directory, AckWords words, Phrases phrases,
                    NoticeProperties notices) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.words = words;
        this.phrases = phrases;
        this.notices = notices;
    }

    public AckPage forLink(AckLinks.Verification link, String acceptLanguage) {
        Optional<AckPage> reader = link.status() == AckLinks.Status.INVALID ? Optional.empty()
                : reader(link.noticeId(), link.contactId());
        return reader.orElseGet(() -> page(Languages.preferredBy(acceptLanguage), notices.zone()));
    }

    private Optional<AckPage> reader(UUID noticeId, String contactId) {
        return jdbc.query("SELECT n.client_id, d.language FROM notice n JOIN delivery d ON d.notice_id = n.id "
                                + "WHERE n.id = ? AND d.contact_id = ? "
                                + "ORDER BY CASE WHEN d.state = 'SENT' THEN 0 ELSE 1 END, d.position LIMIT 1",
                        (rs, n) -> new Delivered(rs.getString(1), rs.getString(2)), noticeId, contactId)
                .stream().findFirst().flatMap(delivered -> {
                    Optional<Client> client = directory.find(delivered.clientId());
                    Contact contact = client.flatMap(c -> c.contacts().stream()
                            .filter(candidate -> candidate.id().equals(contactId)).findFirst()).orElse(null);
                    // The language the notice reached them in; the directory's should that one be retired since.
                    String language = Languages.supports(delivered.language()) ? delivered.language()
                            : contact != null && Languages.supports(contact.language()) ? contact.language() : null;
                    ZoneId zone = client.map(c -> c.zoneOf(contact, notices.zone())).orElse(notices.zone());
                    return Optional.ofNullable(language).map(known -> page(known, zone));
                });
    }

    private record Delivered(String clientId, String language) {
    }

    private AckPage page(String language, ZoneId zone) {
        return new AckPage(words, phrases.book(language), zone, notices.supportContact());
    }
}
