package io.vigie.notification.template;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.InvalidInputException;
import io.vigie.notification.incident.Category;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.wording.Languages;
import io.vigie.platform.web.problem.NotFoundException;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
        List<NoticeTemplate> all = templates.all();
        Set<TemplateKey> own = keys(all);
        return all.stream().map(template -> TemplateView.of(template.key(), template, own)).toList();
    }

    /** The template this category uses: its own, else the DEFAULT one (shipped or edited), marked inherited. */
    @GetMapping("/{category}/{stage}/{language}")
    TemplateView get(@PathVariable String category, @PathVariable String stage, @PathVariable String language) {
        TemplateKey key = key(category, stage, language);
        return TemplateView.of(key, templates.resolve(key), keys(templates.all()));
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

    private static Set<TemplateKey> keys(List<NoticeTemplate> templates) {
        return templates.stream().map(NoticeTemplate::key).collect(Collectors.toSet());
    }

    private static TemplateKey key(String category, String stage, String language) {
        List<Map<String, String>> problems = new ArrayList<>();
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        if (!TemplateKey.validCategory(category)) {
            refuse("category", TemplateKey.categories(), problems, allowed);
        }
        List<String> stages = Arrays.stream(Stage.values()).map(Stage::name).toList();
        if (!stages.contains(stage)) {
            refuse("stage", stages, problems, allowed);
        }
        if (!Languages.supports(language)) {
            refuse("language", List.copyOf(Languages.supported()), problems, allowed);
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.badRequest(problems, allowed);
        }
        return new TemplateKey(category, Stage.valueOf(stage), language);
    }

    private static void refuse(String field, List<String> values, List<Map<String, String>> problems,
                               Map<String, List<String>> allowed) {
        problems.add(InvalidInputException.field(field, "one of " + String.join(", ", values)));
        allowed.put(field, values);
    }

    record TemplateBody(String subject, String text, String html) {
        NoticeTemplate toTemplate(TemplateKey key) {
            return new NoticeTemplate(key, subject, text, html, false);
        }
    }

    /**
     * A template as one category sees it: {@code id} names the template in effect (ClientNotified's templateId),
     * {@code inheritedFrom} is {@code DEFAULT} when the category has none of its own, and {@code usedFor} lists the
     * categories that use this template for its stage and language.
     */
    record TemplateView(String id, String category, String stage, String language, boolean builtIn, String subject,
                        String text, String html, String inheritedFrom, List<String> usedFor) {

        static TemplateView of(TemplateKey asked, NoticeTemplate template, Set<TemplateKey> own) {
            TemplateKey key = template.key();
            String inheritedFrom = key.equals(asked) ? null : key.category();
            return new TemplateView(key.id(), asked.category(), key.stage().name(), key.language(),
                    template.builtIn(), template.subject(), template.text(), template.html(), inheritedFrom,
                    usedFor(key, own));
        }

        /** Its own category, or for a DEFAULT template every incident category without its own. */
        private static List<String> usedFor(TemplateKey key, Set<TemplateKey> own) {
            if (!key.isDefault()) {
                return List.of(key.category());
            }
            return Arrays.stream(Category.values())
                    .filter(category -> !own.contains(TemplateKey.of(category, key.stage(), key.language())))
                    .map(Category::name).toList();
        }
    }
}
