package io.vigie.notification.ack;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.ack.internal.AckPages;
import io.vigie.notification.ack.internal.Acknowledgements;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Optional;

/**
 * The page a contact reaches from a notice's acknowledgement link, in their language ({@link AckPages}). Opening the
 * link only shows the notice and a button: mail scanners open links by themselves, so only the button's POST records
 * the acknowledgement. A tampered or expired link shows why and records nothing.
 */
@RestController
@Timed("vigie.notification.ack")
class AckController {

    private final AckLinks links;
    private final Acknowledgements acknowledgements;
    private final AckPages pages;

    AckController(AckLinks links, Acknowledgements acknowledgements, AckPages pages) {
        this.links = links;
        this.acknowledgements = acknowledgements;
        this.pages = pages;
    }

    @GetMapping(path = "/ack", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@RequestParam(name = "t", required = false) String token,
                                @RequestHeader(name = "Accept-Language", required = false) String accepted) {
        AckLinks.Verification link = links.verify(token);
        AckPage page = pages.forLink(link, accepted);
        if (link.status() != AckLinks.Status.VALID) {
            return page.refused(link);
        }
        Optional<Acknowledgements.Acknowledgement> found = acknowledgements.lookUp(link.noticeId(), link.contactId());
        if (found.isEmpty()) {
            return page.unknown("ack.unknownTitle", "ack.unknown");
        }
        Acknowledgements.Acknowledgement ack = found.get();
        if (ack.respondedAt() != null) {
            return page.render(HttpStatus.OK, "ack.alreadyTitle", recorded(page, ack));
        }
        return page.render(HttpStatus.OK, "ack.title", page.about(ack.subject(), ack.notice().incidentId())
                + "<p>" + page.text("ack.intro") + "</p>"
                + "<form method=\"post\" action=\"ack\">"
                + "<input type=\"hidden\" name=\"t\" value=\"" + AckPage.esc(token) + "\">"
                + page.nameField("ack.name")
                + "<p><button type=\"submit\">" + page.text("ack.send") + "</button></p></form>");
    }

    @PostMapping(path = "/ack", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> acknowledge(@RequestParam(name = "t", required = false) String token,
                                       @RequestParam(name = "name", required = false) String name,
                                       @RequestHeader(name = "Accept-Language", required = false) String accepted) {
        AckLinks.Verification link = links.verify(token);
        AckPage page = pages.forLink(link, accepted);
        if (link.status() != AckLinks.Status.VALID) {
            return page.refused(link);
        }
        String typed = name == null ? null : name.strip();
        if (typed != null && typed.length() > 100) {
            typed = typed.substring(0, 100);
        }
        return acknowledgements.acknowledge(link.noticeId(), link.contactId(), typed)
                .map(ack -> page.render(HttpStatus.OK, ack.firstTime() ? "ack.thanksTitle" : "ack.alreadyTitle",
                        recorded(page, ack)))
                .orElseGet(() -> page.unknown("ack.unknownTitle", "ack.unknown"));
    }

    private static String recorded(AckPage page, Acknowledgements.Acknowledgement ack) {
        return page.about(ack.subject(), ack.notice().incidentId()) + "<p>" + page.text("ack.confirmed",
                Map.of("name", ack.respondedBy(), "date", page.date(ack.respondedAt()))) + "</p>";
    }
}
