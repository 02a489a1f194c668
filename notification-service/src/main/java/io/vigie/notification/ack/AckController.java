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
import java.util.Optional;

/**
 * The page a contact reaches from a notice's acknowledgement link. Opening the link only shows the notice and a
 * button: mail scanners open links by themselves, so only the button's POST records the acknowledgement. A tampered or
 * expired link shows why and records nothing.
 */
@RestController
@Timed("vigie.notification.ack")
class AckController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final AckLinks links;
    private final Acknowledgements acknowledgements;
    private final ZoneId zone;

    AckController(AckLinks links, Acknowledgements acknowledgements,
                  NoticeProperties noticeProperties) {
        this.links = links;
        this.acknowledgements = acknowledgements;
        this.zone = noticeProperties.zone();
    }

    @GetMapping(path = "/ack", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@RequestParam(name = "t", required = false) String token) {
        AckLinks.Verification link = links.verify(token);
        if (link.status() != AckLinks.Status.VALID) {
            return refused(link);
        }
        Optional<Acknowledgements.Acknowledgement> found = acknowledgements.lookUp(link.noticeId(), link.contactId());
        if (found.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Notice not found / Avis introuvable",
                    "<p>This notice does not exist (any more). / Cet avis n'existe pas (ou plus).</p>");
        }
        Acknowledgements.Acknowledgement ack = found.get();
        if (ack.respondedAt() != null) {
            return page(HttpStatus.OK, "Already confirmed / Déjà confirmé", recorded(ack));
        }
        return page(HttpStatus.OK, "Confirm receipt / Confirmer la réception",
                "<p>Notice / Avis : <strong>" + escape(ack.subject()) + "</strong></p>"
                        + "<form method=\"post\" action=\"ack\">"
                        + "<input type=\"hidden\" name=\"t\" value=\"" + escape(token) + "\">"
                        + "<label>Your name / Votre nom <input name=\"name\" maxlength=\"100\"></label> "
                        + "<button type=\"submit\">I received this notice / J'ai bien reçu cet avis</button>"
                        + "</form>");
    }

    @PostMapping(path = "/ack", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> acknowledge(@RequestParam(name = "t", required = false) String token,
                                       @RequestParam(name = "name", required = false) String name) {
        AckLinks.Verification link = links.verify(token);
        if (link.status() != AckLinks.Status.VALID) {
            return refused(link);
        }
        String typed = name == null ? null : name.strip();
        if (typed != null && typed.length() > 100) {
            typed = typed.substring(0, 100);
        }
        return acknowledgements.acknowledge(link.noticeId(), link.contactId(), typed)
                .map(ack -> page(HttpStatus.OK, ack.firstTime() ? "Thank you / Merci"
                        : "Already confirmed / Déjà confirmé", recorded(ack)))
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, "Notice not found / Avis introuvable",
                        "<p>This notice does not exist (any more). / Cet avis n'existe pas (ou plus).</p>"));
    }

    private String recorded(Acknowledgements.Acknowledgement ack) {
        return "<p>Receipt of <strong>" + escape(ack.subject()) + "</strong> confirmed by " + escape(ack.respondedBy())
                + " on " + format(ack.respondedAt()) + ".</p><p>Réception confirmée par " + escape(ack.respondedBy())
                + " le " + format(ack.respondedAt()) + ".</p>";
    }

    private ResponseEntity<String> refused(AckLinks.Verification link) {
        if (link.status() == AckLinks.Status.EXPIRED) {
            return page(HttpStatus.GONE, "Link expired / Lien expiré",
                    "<p>This link expired on " + format(link.expiresAt()) + ". Nothing was recorded; please contact "
                            + "your security team.</p><p>Ce lien a expiré. Rien n'a été enregistré ; merci de contacter "
                            + "votre équipe de sécurité.</p>");
        }
        return page(HttpStatus.BAD_REQUEST, "Invalid link / Lien invalide",
                "<p>This link is not valid: it may have been altered or cut. Nothing was recorded.</p>"
                        + "<p>Ce lien n'est pas valide : il a pu être modifié ou tronqué. Rien n'a été enregistré.</p>");
    }

    private String format(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML,
                StandardCharsets.UTF_8)).body(html);
    }

    private static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
