package io.vigie.notification.ack;

import io.vigie.notification.wording.PhraseBook;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An acknowledgement or agreement page in one language, its reader's: every text from {@link AckWords}, every value
 * escaped, dates as the reader reads them in notices. The same small page as the question page, so the client sees
 * one product.
 */
public final class AckPage {

    private final AckWords words;
    private final String language;
    private final PhraseBook book;
    private final ZoneId zone;
    private final String supportContact;

    public AckPage(AckWords words, PhraseBook book, ZoneId zone, String supportContact) {
        this.words = words;
        this.language = book.language();
        this.book = book;
        this.zone = zone;
        this.supportContact = supportContact;
    }

    String language() {
        return language;
    }

    /** A text of the page, escaped. */
    String text(String key, Map<String, String> values) {
        return esc(words.text(language, key, values));
    }

    String text(String key) {
        return text(key, Map.of());
    }

    /** A date in the reader's language and time zone (plain text). */
    String date(Instant instant) {
        return instant == null ? "" : book.dateTime(instant, zone);
    }

    /** What the page is about: the subject the contact read, else the incident's reference as notices print it. */
    String about(String subject, UUID incidentId) {
        return "<p><strong>" + (subject == null || subject.isBlank()
                ? text("ack.incident", Map.of("ref", incidentId.toString().substring(0, 8).toUpperCase(Locale.ROOT)))
                : text("ack.about", Map.of("subject", subject))) + "</strong></p>";
    }

    /** The optional name of the person answering for the contact. */
    String nameField(String labelKey) {
        return "<p><label for=\"name\">" + text(labelKey) + "</label><br>"
                + "<input id=\"name\" name=\"name\" maxlength=\"100\" autocomplete=\"name\"></p>";
    }

    /** Why a link opens nothing: expired (410, until when) or not valid (400); either way nothing was recorded. */
    ResponseEntity<String> refused(AckLinks.Verification link) {
        if (link.status() == AckLinks.Status.EXPIRED) {
            return render(HttpStatus.GONE, "link.expiredTitle", "<p>" + text("link.expired",
                    Map.of("date", date(link.expiresAt()), "supportContact", supportContact)) + "</p>");
        }
        return render(HttpStatus.BAD_REQUEST, "link.invalidTitle", "<p>" + text("link.invalid") + "</p>");
    }

    /** A signed link whose notice is gone, or asks nothing of this page (404). */
    ResponseEntity<String> unknown(String titleKey, String textKey) {
        return render(HttpStatus.NOT_FOUND, titleKey, "<p>" + text(textKey, Map.of("supportContact", supportContact))
                + "</p>");
    }

    ResponseEntity<String> render(HttpStatus status, String titleKey, String body) {
        String title = text(titleKey);
        String html = "<!DOCTYPE html><html lang=\"" + esc(language) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(html);
    }

    static String esc(String value) {
        // The page is UTF-8: only the characters that mean something in HTML are replaced, accents stay readable.
        return value == null ? "" : HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }
}
