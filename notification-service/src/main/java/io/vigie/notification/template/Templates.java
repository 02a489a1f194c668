package io.vigie.notification.template;

import io.vigie.notification.InvalidInputException;
import io.vigie.notification.incident.Category;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.template.internal.TemplateRows;
import io.vigie.notification.wording.Languages;
import io.vigie.notification.wording.Phrases;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notice templates: the defaults shipped on the class path ({@code notification/templates/STAGE.CATEGORY.lang
 * .mustache}), overridden by edited ones stored in the database. A category without its own template for a stage uses
 * the {@code DEFAULT} one, which exists for every stage and language.
 */
@Service
public class Templates {

    private static final String LOCATION = "classpath*:notification/templates/*.mustache";

    private final TemplateRows rows;
    private final Clock clock;
    private final TemplateRenderer renderer;
    private final Map<TemplateKey, NoticeTemplate> defaults;

    private final Phrases phrases;

    Templates(TemplateRows rows, Clock clock, Phrases phrases) {
        this.rows = rows;
        this.clock = clock;
        this.phrases = phrases;
        this.renderer = new TemplateRenderer();
        this.defaults = loadDefaults();
    }

    /** Renders the template that applies to this category, stage and language. */
    public RenderedNotice render(Category category, Stage stage, String language, Map<String, Object> model) {
        return renderer.render(resolve(category, stage, language), model);
    }

    public NoticeTemplate resolve(Category category, Stage stage, String language) {
        return resolve(TemplateKey.of(category, stage, language));
    }

    /** The template used for this key: the category's own (edited or shipped), else the DEFAULT one in effect. */
    NoticeTemplate resolve(TemplateKey key) {
        return find(key).or(() -> find(key.withDefaultCategory()))
                .orElseThrow(() -> new IllegalStateException("No template for " + key.id()));
    }

    /** The template in effect for exactly this key: the edited one, else the shipped one. */
    public Optional<NoticeTemplate> find(TemplateKey key) {
        Optional<NoticeTemplate> stored = rows.find(key);
        return stored.isEmpty() ? Optional.ofNullable(defaults.get(key)) : stored;
    }

    public List<NoticeTemplate> all() {
        Map<TemplateKey, NoticeTemplate> effective = new LinkedHashMap<>(defaults);
        rows.all().forEach(edited -> effective.put(edited.key(), edited));
        List<NoticeTemplate> all = new ArrayList<>(effective.values());
        all.sort(Comparator.comparing((NoticeTemplate t) -> t.key().stage())
                .thenComparing(t -> t.key().category()).thenComparing(t -> t.key().language()));
        return all;
    }

    /** Renders with a notice that has every value filled; refuses (422) a template that cannot render. */
    public RenderedNotice preview(NoticeTemplate template) {
        Map<String, Object> sample = SampleNotice.model(template.key(), phrases.book(template.key().language()));
        List<Map<String, String>> problems = renderer.problems(template, sample);
        if (!problems.isEmpty()) {
            throw InvalidInputException.unprocessable("The template cannot be rendered", problems);
        }
        return renderer.render(template, sample);
    }

    /** Stores an edited template once it rendered; a template that cannot render is refused (422) and not stored. */
    @Transactional
    public RenderedNotice save(NoticeTemplate template, String editor) {
        RenderedNotice preview = preview(template);
        rows.save(template, editor, clock.instant());
        return preview;
    }

    /** Drops the edited template, so the shipped default (if any) applies again. */
    @Transactional
    public boolean reset(TemplateKey key) {
        return rows.delete(key);
    }

    private static Map<TemplateKey, NoticeTemplate> loadDefaults() {
        Map<TemplateKey, NoticeTemplate> loaded = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String[] parts = resource.getFilename().split("\\.");
                TemplateKey key = new TemplateKey(parts[1], Stage.valueOf(parts[0]), parts[2]);
                loaded.put(key, NoticeTemplate.parse(key,
                        resource.getContentAsString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the default notice templates", e);
        }
        for (Stage stage : Stage.values()) {
            for (String language : Languages.supported()) {
                if (!loaded.containsKey(new TemplateKey(TemplateKey.DEFAULT, stage, language))) {
                    throw new IllegalStateException("No default template " + stage + "/DEFAULT/" + language);
                }
            }
        }
        return Map.copyOf(loaded);
    }
}
