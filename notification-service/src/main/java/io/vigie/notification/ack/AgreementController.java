package io.vigie.notification.ack;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.notice.NoticeProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The page where a client contact agrees or declines what a notice asks (e.g. isolating its machines). As with
 * acknowledgements, opening the link only shows the question; the answer is the POST of one of the two buttons.
 */
@RestController
@Timed("vigie.notification.agreement")
class AgreementController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final AckLinks links;
    private final Agreements agreements;
    private final ZoneId zone;

    AgreementController(AckLinks links, Agreements agreements, NoticeProperties noticeProperties) {
        this.links = links;
        this.agreements = agreements;
        this.zone = noticeProperties.zone();
    }

    @GetMapping(path = "/agreement", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@RequestParam(name = "t", required = false) String token) {
        AckLinks.Verification link = links.verify(AckLinks.AGREEMENT, token);
        if (link.status() != AckLinks.Status.VALID) {
            return refused(link);
        }
        return agreements.lookUp(link.noticeId(), link.contactId())
                .map(answer -> answer.respondedAt() != null
                        ? page(HttpStatus.OK, "Already answered / Déjà répondu", recorded(answer))
                        : page(HttpStatus.OK, "Your agreement / Votre accord",
                        "<p><strong>" + escape(answer.question()) + "</strong></p>"
                                + "<form method=\"post\" action=\"agreement\">"
                                + "<input type=\"hidden\" name=\"t\" value=\"" + escape(token) + "\">"
                                + "<label>Your name / Votre nom <input name=\"name\" maxlength=\"100\"></label> "
                                + "<button type=\"submit\" name=\"answer\" value=\"AGREED\">I agree / J'accepte</button> "
                                + "<button type=\"submit\" name=\"answer\" value=\"DECLINED\">I decline / Je refuse"
                                + "</button></form>"))
                .orElseGet(AgreementController::notFound);
    }

    @PostMapping(path = "/agreement", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> answer(@RequestParam(name = "t", required = false) String token,
                                  @RequestParam(name = "answer", required = false) String answer,
                                  @RequestParam(name = "name", required = false) String name) {
        AckLinks.Verification link = links.verify(AckLinks.AGREEMENT, token);
        if (link.status() != AckLinks.Status.VALID) {
            return refused(link);
        }
        if (!"AGREED".equals(answer) && !"DECLINED".equals(answer)) {
            return page(HttpStatus.BAD_REQUEST, "No answer / Pas de réponse",
                    "<p>Choose I agree or I decline. Nothing was recorded.</p>"
                            + "<p>Choisissez J'accepte ou Je refuse. Rien n'a été enregistré.</p>");
        }
        String typed = name == null ? null : name.strip();
        if (typed != null && typed.length() > 100) {
            typed = typed.substring(0, 100);
        }
        return agreements.answer(link.noticeId(), link.contactId(), "AGREED".equals(answer), typed)
                .map(recorded -> page(HttpStatus.OK, recorded.firstTime() ? "Thank you / Merci"
                        : "Already answered / Déjà répondu", recorded(recorded)))
                .orElseGet(AgreementController::notFound);
    }

    private String recorded(Agreements.Answer answer) {
        String english = answer.agreed() ? "agreed" : "declined";
        String french = answer.agreed() ? "accepté" : "refusé";
        return "<p>" + escape(answer.question()) + "</p><p>" + escape(answer.respondedBy()) + " " + english + " on "
                + format(answer.respondedAt()) + ".</p><p>" + escape(answer.respondedBy()) + " a " + french + " le "
                + format(answer.respondedAt()) + ".</p>";
    }

    private ResponseEntity<String> refused(AckLinks.Verification link) {
        if (link.status() == AckLinks.Status.EXPIRED) {
            return page(HttpStatus.GONE, "Link expired / Lien expiré",
                    "<p>This link expired. Nothing was recorded; please contact your security team.</p>"
                            + "<p>Ce lien a expiré. Rien n'a été enregistré ; merci de contacter votre équipe de "
                            + "sécurité.</p>");
        }
        return page(HttpStatus.BAD_REQUEST, "Invalid link / Lien invalide",
                "<p>This link is not valid: it may have been altered or cut. Nothing was recorded.</p>"
                        + "<p>Ce lien n'est pas valide : il a pu être modifié ou tronqué. Rien n'a été enregistré.</p>");
    }

    private static ResponseEntity<String> notFound() {
        return page(HttpStatus.NOT_FOUND, "Nothing to answer / Rien à répondre",
                "<p>This notice asks for no agreement, or does not exist.</p>"
                        + "<p>Cet avis ne demande pas d'accord, ou n'existe pas.</p>");
    }

    private String format(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }

    private static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
