package io.vigie.notification.survey;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.ack.AckLinks;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.notice.NoticeProperties;
import io.vigie.notification.survey.internal.Surveys;
import io.vigie.notification.wording.Phrases;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The satisfaction survey a contact reaches from their FOLLOW_UP notice, in their language. The signed link is the
 * credential and names the notice and the contact; opening it only shows the questions (mail scanners open links too),
 * the POST records the answer. An invalid answer comes back with its error and records nothing; a second answer shows
 * the first; a tampered link answers 400 and an expired one 410, each saying nothing was recorded.
 */
@RestController
@Timed("vigie.notification.survey")
class SurveyController {

    /** The longest comment kept (characters); a longer one is refused, not cut, so nothing is lost unseen. */
    static final int COMMENT_LIMIT = 2000;

    private final SurveyLinks links;
    private final Surveys surveys;
    private final SurveyWords words;
    private final Phrases phrases;
    private final ClientDirectory directory;
    private final NoticeProperties notices;

    SurveyController(SurveyLinks links, Surveys surveys, SurveyWords words, Phrases phrases,
                     ClientDirectory directory, NoticeProperties notices) {
        this.links = links;
        this.surveys = surveys;
        this.words = words;
        this.phrases = phrases;
        this.directory = directory;
        this.notices = notices;
    }

    @GetMapping(path = "/survey", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@RequestParam(name = "t", required = false) String token) {
        return open(token, invitation -> invitation.answer()
                .map(answer -> page(invitation).already(date(invitation, answer.answeredAt()), answer))
                .orElseGet(() -> page(invitation).form(HttpStatus.OK, ref(invitation), invitation.subject(), token,
                        SurveyPage.Form.empty())));
    }

    @PostMapping(path = "/survey", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> answer(@RequestParam(name = "t", required = false) String token,
                                  @RequestParam(name = SurveyPage.HANDLING, required = false) String handling,
                                  @RequestParam(name = SurveyPage.COMMUNICATION, required = false) String communication,
                                  @RequestParam(name = SurveyPage.QUESTIONS, required = false) String questions,
                                  @RequestParam(name = SurveyPage.COMMENT, required = false) String comment) {
        return open(token, invitation -> {
            if (invitation.answer().isPresent()) {
                SurveyAnswer first = invitation.answer().get();
                return page(invitation).already(date(invitation, first.answeredAt()), first);
            }
            Integer handlingRating = rating(handling);
            Integer communicationRating = rating(communication);
            String cleanComment = clean(comment);
            Map<String, String> errors = new LinkedHashMap<>();
            if (handlingRating == null) {
                errors.put(SurveyPage.HANDLING, "chooseRating");
            }
            if (communicationRating == null) {
                errors.put(SurveyPage.COMMUNICATION, "chooseRating");
            }
            if (!"yes".equals(questions) && !"no".equals(questions)) {
                errors.put(SurveyPage.QUESTIONS, "chooseAnswer");
            }
            if (cleanComment != null && cleanComment.length() > COMMENT_LIMIT) {
                errors.put(SurveyPage.COMMENT, "commentTooLong");
            }
            if (!errors.isEmpty()) {
                return page(invitation).form(HttpStatus.BAD_REQUEST, ref(invitation), invitation.subject(), token,
                        new SurveyPage.Form(handling, communication, questions, comment, errors));
            }
            Surveys.Recorded recorded = surveys.answer(invitation, handlingRating, communicationRating,
                    "yes".equals(questions), cleanComment);
            String date = date(invitation, recorded.answer().answeredAt());
            return recorded.firstTime() ? page(invitation).thanks(invitation.contactName(), date, recorded.answer())
                    : page(invitation).already(date, recorded.answer());
        });
    }

    private ResponseEntity<String> open(String token,
                                        Function<Surveys.Invitation, ResponseEntity<String>> then) {
        AckLinks.Verification link = links.verify(token);
        if (link.status() == AckLinks.Status.INVALID) {
            return SurveyPage.refused(words, HttpStatus.BAD_REQUEST, "invalidTitle", "invalid");
        }
        Optional<Surveys.Invitation> invitation = surveys.invitation(link.noticeId(), link.contactId());
        if (invitation.isEmpty()) {
            return SurveyPage.refused(words, HttpStatus.NOT_FOUND, "unknownTitle", "unknown");
        }
        if (link.status() == AckLinks.Status.EXPIRED) {
            return page(invitation.get()).expired(date(invitation.get(), link.expiresAt()), notices.supportContact());
        }
        return then.apply(invitation.get());
    }

    private SurveyPage page(Surveys.Invitation invitation) {
        return new SurveyPage(words, invitation.language());
    }

    /** A date as the contact reads dates in notices: their language, their time zone. */
    private String date(Surveys.Invitation invitation, Instant instant) {
        Optional<Client> client = directory.find(invitation.notice().clientId());
        ZoneId zone = client.map(c -> c.zoneOf(c.contacts().stream()
                        .filter(contact -> contact.id().equals(invitation.contactId())).findFirst().orElse(null),
                notices.zone())).orElse(notices.zone());
        return phrases.book(page(invitation).language()).dateTime(instant, zone);
    }

    /** The incident's reference as notices print it. */
    private static String ref(Surveys.Invitation invitation) {
        return invitation.notice().incidentId().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static Integer rating(String value) {
        if (value == null || !value.strip().matches("[1-5]")) {
            return null;
        }
        return Integer.parseInt(value.strip());
    }

    /**
     * The comment as stored: trimmed, none when blank, and without control characters other than line breaks and
     * tabs (PostgreSQL refuses a NUL in text, and none of them means anything in a comment).
     */
    static String clean(String comment) {
        if (comment == null) {
            return null;
        }
        String kept = comment.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", "").strip();
        return kept.isEmpty() ? null : kept;
    }
}
