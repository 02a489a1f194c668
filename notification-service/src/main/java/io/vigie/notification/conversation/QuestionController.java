package io.vigie.notification.conversation;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.ack.AckLinks;
import io.vigie.notification.conversation.internal.Askers;
import io.vigie.notification.notice.NoticeProperties;
import io.vigie.notification.wording.Languages;
import io.vigie.notification.wording.Phrases;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The "I have a question" page a contact opens from a notice, in their language. The signed link is the credential (it
 * names the notice and the contact); the question is stored through {@link ClientMessages}, which publishes it and
 * tells the communications mailbox. The form carries a one-time nonce, the message's external id: the same form sent
 * twice stores one question. Nothing is stored for an empty or over-long question (the form comes back with why), a
 * tampered link (400) or an expired one (410). Every value on the page is escaped.
 */
@RestController
@Timed("vigie.notification.question")
class QuestionController {

    /** The longest question, in characters: a few paragraphs; longer is better said on the phone. */
    static final int MAX_LENGTH = 4000;
    private static final String VIA = "QUESTION_PAGE";
    /** Control characters but line breaks and tabs: invisible, and some (NUL) cannot even be stored. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    private final AckLinks links;
    private final Askers askers;
    private final ClientMessages messages;
    private final ConversationWords words;
    private final Phrases phrases;
    private final NoticeProperties notices;
    private final Clock clock;

    QuestionController(AckLinks links, Askers askers, ClientMessages messages, ConversationWords words,
                       Phrases phrases, NoticeProperties notices, Clock clock) {
        this.links = links;
        this.askers = askers;
        this.messages = messages;
        this.words = words;
        this.phrases = phrases;
        this.notices = notices;
        this.clock = clock;
    }

    @GetMapping(path = "/question", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@RequestParam(name = "t", required = false) String token,
                                @RequestHeader(name = "Accept-Language", required = false) String accepted) {
        AckLinks.Verification link = links.verify(AckLinks.QUESTION, token);
        Optional<Askers.Asker> asker = asker(link);
        if (link.status() != AckLinks.Status.VALID || asker.isEmpty()) {
            return refused(link, asker, accepted);
        }
        return form(HttpStatus.OK, asker.get(), token, UUID.randomUUID().toString(), "", null);
    }

    @PostMapping(path = "/question", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> ask(@RequestParam(name = "t", required = false) String token,
                               @RequestParam(name = "nonce", required = false) String nonce,
                               @RequestParam(name = "text", required = false) String text,
                               @RequestHeader(name = "Accept-Language", required = false) String accepted) {
        AckLinks.Verification link = links.verify(AckLinks.QUESTION, token);
        Optional<Askers.Asker> asker = asker(link);
        if (link.status() != AckLinks.Status.VALID || asker.isEmpty() || !isUuid(nonce)) {
            // A nonce that is not ours means the form is not ours either: refused like a tampered link.
            return refused(link.status() == AckLinks.Status.VALID && asker.isPresent()
                    ? new AckLinks.Verification(AckLinks.Status.INVALID, null, null, null) : link, asker, accepted);
        }
        Askers.Asker who = asker.get();
        String question = clean(text);
        int length = question.codePointCount(0, question.length());
        if (question.isEmpty() || length > MAX_LENGTH) {
            String error = question.isEmpty() ? words.text(who.language(), "question.empty")
                    : words.text(who.language(), "question.tooLong", Map.of("length", String.valueOf(length),
                    "max", String.valueOf(MAX_LENGTH)));
            return form(HttpStatus.BAD_REQUEST, who, token, nonce, question, error);
        }
        String externalId = "question:" + who.noticeId() + ":" + who.contactId() + ":" + nonce.toLowerCase(Locale.ROOT);
        String stored;
        try {
            stored = messages.receive(ClientMessage.received(who.incidentId(),
                    new ClientMessage.Author(who.clientId(), who.contactId(), who.contactName(), who.language()),
                    question, clock.instant(), new ClientMessage.Origin(VIA, who.noticeId(), externalId, null, null)))
                    .message().text();
        } catch (DuplicateKeyException e) {
            // The same form sent twice at the same moment: the other request stored it, nothing more to do.
            stored = question;
        }
        return thanks(who, stored);
    }

    private Optional<Askers.Asker> asker(AckLinks.Verification link) {
        // An expired link is still ours (its signature held): the refusal is written in the contact's language.
        return link.status() == AckLinks.Status.INVALID ? Optional.empty()
                : askers.find(link.noticeId(), link.contactId());
    }

    private ResponseEntity<String> form(HttpStatus status, Askers.Asker who, String token, String nonce, String text,
                                        String error) {
        String language = who.language();
        Map<String, String> values = Map.of("subject", who.subject() == null ? "" : who.subject(),
                "ref", CommsAlerts.reference(who.incidentId()), "max", String.valueOf(MAX_LENGTH));
        StringBuilder body = new StringBuilder()
                .append("<p><strong>").append(escape(words.text(language, who.subject() == null
                        ? "question.incident" : "question.about", values))).append("</strong></p>")
                .append("<p>").append(escape(words.text(language, "question.intro"))).append("</p>");
        if (error != null) {
            body.append("<p role=\"alert\"><strong>").append(escape(error)).append("</strong></p>");
        }
        body.append("<form method=\"post\" action=\"question\">")
                .append("<input type=\"hidden\" name=\"t\" value=\"").append(escape(token)).append("\">")
                .append("<input type=\"hidden\" name=\"nonce\" value=\"").append(escape(nonce)).append("\">")
                .append("<p><label for=\"text\">").append(escape(words.text(language, "question.label")))
                .append("</label><br><textarea id=\"text\" name=\"text\" rows=\"12\" cols=\"72\" maxlength=\"")
                .append(MAX_LENGTH).append("\" required>").append(escape(text)).append("</textarea><br><small>")
                .append(escape(words.text(language, "question.limit", values))).append("</small></p>")
                .append("<p><button type=\"submit\">").append(escape(words.text(language, "question.send")))
                .append("</button></p></form>");
        return page(status, language, words.text(language, "question.title"), body.toString());
    }

    private ResponseEntity<String> thanks(Askers.Asker who, String question) {
        String language = who.language();
        String answerBy = "question.answerBy." + who.channel();
        String quoted = question.lines().map(QuestionController::escape).collect(Collectors.joining("<br>"));
        String body = "<p>" + escape(words.text(language, "question.thanks",
                Map.of("ref", CommsAlerts.reference(who.incidentId())))) + "</p>"
                + "<p>" + escape(words.text(language, words.has(language, answerBy) ? answerBy
                : "question.answerBy.EMAIL")) + "</p>"
                + "<p>" + escape(words.text(language, "question.yourQuestion")) + "</p>"
                + "<blockquote>" + quoted + "</blockquote>";
        return page(HttpStatus.OK, language, words.text(language, "question.thanksTitle"), body);
    }

    private ResponseEntity<String> refused(AckLinks.Verification link, Optional<Askers.Asker> asker, String accepted) {
        String language = asker.map(Askers.Asker::language).orElseGet(() -> Languages.preferredBy(accepted));
        Map<String, String> values = Map.of("supportContact", notices.supportContact(),
                "date", link.expiresAt() == null ? ""
                        : phrases.book(language).dateTime(link.expiresAt(), notices.zone()));
        if (link.status() == AckLinks.Status.EXPIRED) {
            return page(HttpStatus.GONE, language, words.text(language, "question.expiredTitle"),
                    "<p>" + escape(words.text(language, "question.expired", values)) + "</p>");
        }
        if (link.status() == AckLinks.Status.VALID) {
            return page(HttpStatus.NOT_FOUND, language, words.text(language, "question.unknownTitle"),
                    "<p>" + escape(words.text(language, "question.unknown", values)) + "</p>");
        }
        return page(HttpStatus.BAD_REQUEST, language, words.text(language, "question.invalidTitle"),
                "<p>" + escape(words.text(language, "question.invalid")) + "</p>");
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && value.length() == 36 && UUID.fromString(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ResponseEntity<String> page(HttpStatus status, String language, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"" + escape(language) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(html);
    }

    private static String escape(String value) {
        // The page is UTF-8: only the characters that mean something in HTML are replaced, accents stay readable.
        return value == null ? "" : HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }
}
