package io.vigie.notification.template;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.InvalidInputException;
import io.vigie.notification.NotFoundException;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.wording.Languages;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Notice templates: read by every role; previewed, edited and reset by communications and managers. */
@RestController
@RequestMapping("/api/templates")
@Timed("vigie.notification.api.templates")
class TemplateController {

    private static final String WRITERS = "hasAnyRole('COMMUNICATIONS', 'MANAGER')";

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping
    List<TemplateView> list() {
        return templates.all().stream().map(TemplateView::of).toList();
    }

    @GetMapping("/{category}/{stage}/{language}")
    TemplateView get(@PathVariable String category, @PathVariable String stage, @PathVariable String language) {
        TemplateKey key = key(category, stage, language);
        return templates.find(key).map(TemplateView::of)
                .orElseThrow(() -> new NotFoundException("No template " + key.id()));
    }

    @PostMapping("/{category}/{stage}/{language}/preview")
    @PreAuthorize(WRITERS)
    RenderedNotice preview(@PathVariable String category, @PathVariable String stage, @PathVariable String language,
                           @RequestBody TemplateBody body) {
        return templates.preview(body.toTemplate(key(category, stage, language)));
    }

    @PutMapping("/{category}/{stage}/{language}")
    @PreAuthorize(WRITERS)
    RenderedNotice save(@PathVariable String category, @PathVariable String stage, @PathVariable String language,
                        @RequestBody TemplateBody body, Authentication caller) {
        return templates.save(body.toTemplate(key(category, stage, language)), caller.getName());
    }

    @DeleteMapping("/{category}/{stage}/{language}")
    @PreAuthorize(WRITERS)
    ResponseEntity<Void> reset(@PathVariable String category, @PathVariable String stage,
                               @PathVariable String language) {
        if (!templates.reset(key(category, stage, language))) {
            throw new NotFoundException("No edited template " + category + "/" + stage + "/" + language);
        }
        return ResponseEntity.noContent().build();
    }

    private static TemplateKey key(String category, String stage, String language) {
        List<Map<String, String>> problems = new ArrayList<>();
        if (!TemplateKey.validCategory(category)) {
            problems.add(InvalidInputException.field("category", "DEFAULT or an incident category"));
        }
        Stage parsedStage = null;
        try {
            parsedStage = Stage.valueOf(stage);
        } catch (IllegalArgumentException e) {
            problems.add(InvalidInputException.field("stage", "one of INITIAL, UPDATE, RESOLUTION, FOLLOW_UP"));
        }
        if (!Languages.supports(language)) {
            problems.add(InvalidInputException.field("language", "one of " + Languages.described()));
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.badRequest(problems);
        }
        return new TemplateKey(category, parsedStage, language);
    }

    record TemplateBody(String subject, String text, String html) {
        NoticeTemplate toTemplate(TemplateKey key) {
            return new NoticeTemplate(key, subject, text, html, false);
        }
    }

    record TemplateView(String id, String category, String stage, String language, boolean builtIn, String subject,
                        String text, String html) {
        static TemplateView of(NoticeTemplate template) {
            TemplateKey key = template.key();
            return new TemplateView(key.id(), key.category(), key.stage().name(), key.language(),
                    template.builtIn(), template.subject(), template.text(), template.html());
        }
    }
}
