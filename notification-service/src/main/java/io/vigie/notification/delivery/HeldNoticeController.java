package io.vigie.notification.delivery;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.InvalidInputException;
import io.vigie.notification.delivery.internal.DeliveryStore;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.notice.Notice;
import io.vigie.notification.notice.NoticeHolds;
import io.vigie.notification.notice.Notices;
import io.vigie.notification.template.RenderedNotice;
import io.vigie.notification.wording.Languages;
import io.vigie.platform.security.VigiePages;
import io.vigie.platform.web.problem.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The review gate's desk: the notices held for a communications user, each previewed as a contact of a language will
 * read it, and approved, with a text per language to add if they wish. (case-service's dashboard offers the same
 * through IncidentUpdated NOTICE_APPROVED.)
 */
@RestController
@RequestMapping("/api/notices")
@Timed("vigie.notification.api.held-notices")
class HeldNoticeController {

    private static final String REVIEWERS = "hasAnyRole('COMMUNICATIONS', 'MANAGER')";
    private static final int TEXT_LIMIT = 2000;

    private final NoticeHolds holds;
    private final Notices notices;
    private final ClientDirectory directory;
    private final NoticeRendering rendering;
    private final DeliveryStore deliveries;

    HeldNoticeController(NoticeHolds holds, Notices notices, ClientDirectory directory, NoticeRendering rendering,
                         DeliveryStore deliveries) {
        this.holds = holds;
        this.notices = notices;
        this.directory = directory;
        this.rendering = rendering;
        this.deliveries = deliveries;
    }

    record Approval(Map<String, String> clientMessages) {
    }

    record Approved(UUID noticeId, String outcome) {
    }

    @GetMapping("/held")
    List<NoticeHolds.HeldNotice> held() {
        return holds.held();
    }

    /** The notice as its first contact reading {@code language} will read it (links left out). */
    @GetMapping(value = "/{noticeId}/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(REVIEWERS)
    RenderedNotice preview(@PathVariable UUID noticeId, @RequestParam String language) {
        Notice notice = notices.find(noticeId).orElseThrow(() -> new NotFoundException("No notice " + noticeId));
        Map<String, Object> reader = deliveries.firstReader(noticeId, language).orElseThrow(
                () -> new NotFoundException("No contact of notice " + noticeId + " reads " + language));
        return rendering.preview(notice, directory.find(notice.clientId()), (String) reader.get("contact_id"),
                (String) reader.get("contact_name"), language);
    }

    /**
     * The same preview as a page, for a reviewer's browser (the case dashboard links to it): the subject, then the
     * email's HTML part as the contact will see it. Every value in it was escaped when it was rendered.
     */
    @GetMapping(value = "/{noticeId}/preview", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize(REVIEWERS)
    ResponseEntity<String> previewPage(@PathVariable UUID noticeId, @RequestParam String language) {
        RenderedNotice rendered = preview(noticeId, language);
        String page = "<!doctype html><html lang=\"" + HtmlUtils.htmlEscape(language) + "\"><head>"
                + "<meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(rendered.subject()) + "</title></head>"
                + "<body style=\"font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto\">"
                + "<p style=\"color:#667\">Preview of a notice held for review, as its contacts reading "
                + HtmlUtils.htmlEscape(language) + " will receive it (links left out).</p>"
                + "<h2>" + HtmlUtils.htmlEscape(rendered.subject()) + "</h2>" + rendered.html() + "</body></html>";
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", VigiePages.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "same-origin")
                .body(page);
    }

    @PostMapping("/{noticeId}/approval")
    @PreAuthorize(REVIEWERS)
    Approved approve(@PathVariable UUID noticeId, @RequestBody(required = false) Approval approval,
                     Authentication caller) {
        Map<String, String> texts = texts(approval == null ? null : approval.clientMessages());
        return switch (holds.approve(noticeId, caller.getName(), texts)) {
            case RELEASED -> new Approved(noticeId, "RELEASED");
            case ALREADY_RELEASED -> throw new InvalidInputException(409, "The notice already went out",
                    List.of(InvalidInputException.field("noticeId", "released before this approval")));
            case NOT_HELD -> throw new NotFoundException("No notice " + noticeId + " held for review");
        };
    }

    private static Map<String, String> texts(Map<String, String> given) {
        Map<String, String> texts = new LinkedHashMap<>();
        List<Map<String, String>> problems = new ArrayList<>();
        if (given != null) {
            given.forEach((language, text) -> {
                if (!Languages.supports(language)) {
                    problems.add(InvalidInputException.field("clientMessages." + language,
                            "not a language Vigie writes in (" + Languages.described() + ")"));
                } else if (text != null && text.length() > TEXT_LIMIT) {
                    problems.add(InvalidInputException.field("clientMessages." + language,
                            "at most " + TEXT_LIMIT + " characters"));
                } else if (text != null && !text.isBlank()) {
                    texts.put(language, text.strip());
                }
            });
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.badRequest(problems);
        }
        return texts;
    }
}
