package io.vigie.notification.ack;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.ack.internal.AckPages;
import io.vigie.notification.ack.internal.Agreements;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The page where a client contact agrees or declines what a notice asks (e.g. isolating its machines), in their
 * language ({@link AckPages}). As with acknowledgements, opening the link only shows the question; the answer is the
 * POST of one of the two buttons.
 */
@RestController
@Timed("vigie.notification.agreement")
class AgreementController {

    private static final String AGREED = "AGREED";
    private static final String DECLINED = "DECLINED";

    private final AckLinks links;
    private final Agreements agreements;
    private final AckPages pages;

    AgreementController(AckLinks links, Agreements agreements, AckPages pages) {
        this.links = links;
        this.agreements = agreements;
        this.pages = pages;
    }

    @GetMapping(path = "/agreement", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@RequestParam(name = "t", required = false) String token,
                                @RequestHeader(name = "Accept-Language", required = false) String accepted) {
        AckLinks.Verification link = links.verify(AckLinks.AGREEMENT, token);
        AckPage page = pages.forLink(link, accepted);
        if (link.status() != AckLinks.Status.VALID) {
            return page.refused(link);
        }
        return agreements.lookUp(link.noticeId(), link.contactId())
                .map(answer -> answer.respondedAt() != null
                        ? page.render(HttpStatus.OK, "agreement.alreadyTitle", recorded(page, answer))
                        : page.render(HttpStatus.OK, "agreement.title",
                        "<p>" + page.text("agreement.intro") + "</p>"
                                + question(answer)
                                + "<form method=\"post\" action=\"agreement\">"
                                + "<input type=\"hidden\" name=\"t\" value=\"" + AckPage.esc(token) + "\">"
                                + page.nameField("agreement.name")
                                + "<p><button type=\"submit\" name=\"answer\" value=\"" + AGREED + "\">"
                                + page.text("agreement.agree") + "</button> "
                                + "<button type=\"submit\" name=\"answer\" value=\"" + DECLINED + "\">"
                                + page.text("agreement.decline") + "</button></p></form>"))
                .orElseGet(() -> page.unknown("agreement.unknownTitle", "agreement.unknown"));
    }

    @PostMapping(path = "/agreement", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> answer(@RequestParam(name = "t", required = false) String token,
                                  @RequestParam(name = "answer", required = false) String answer,
                                  @RequestParam(name = "name", required = false) String name,
                                  @RequestHeader(name = "Accept-Language", required = false) String accepted) {
        AckLinks.Verification link = links.verify(AckLinks.AGREEMENT, token);
        AckPage page = pages.forLink(link, accepted);
        if (link.status() != AckLinks.Status.VALID) {
            return page.refused(link);
        }
        if (!AGREED.equals(answer) && !DECLINED.equals(answer)) {
            return page.render(HttpStatus.BAD_REQUEST, "agreement.noAnswerTitle",
                    "<p>" + page.text("agreement.noAnswer") + "</p>");
        }
        String typed = name == null ? null : name.strip();
        if (typed != null && typed.length() > 100) {
            typed = typed.substring(0, 100);
        }
        return agreements.answer(link.noticeId(), link.contactId(), AGREED.equals(answer), typed)
                .map(recorded -> recorded.firstTime()
                        ? page.render(HttpStatus.OK, "agreement.thanksTitle", recorded(page, recorded))
                        : page.render(HttpStatus.OK, "agreement.alreadyTitle", recorded(page, recorded)
                        + "<p>" + page.text("agreement.onlyFirst") + "</p>"))
                .orElseGet(() -> page.unknown("agreement.unknownTitle", "agreement.unknown"));
    }

    private static String recorded(AckPage page, Agreements.Answer answer) {
        return question(answer) + "<p>" + page.text(answer.agreed() ? "agreement.agreed" : "agreement.declined",
                Map.of("name", answer.respondedBy(), "date", page.date(answer.respondedAt()))) + "</p>";
    }

    private static String question(Agreements.Answer answer) {
        return "<p><strong>" + AckPage.esc(answer.question()) + "</strong></p>";
    }
}
