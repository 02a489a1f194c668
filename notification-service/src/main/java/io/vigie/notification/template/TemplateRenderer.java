package io.vigie.notification.template;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Renders notice templates, logic-less and escaping every value: what an alert says reaches the client as text, never
 * as markup or template syntax (values are never parsed as templates). The collector reads maps and lists only, so a
 * template cannot reach into Java objects, and the triple mustache and {@code &} tags that would print a value
 * unescaped are refused.
 */
public final class TemplateRenderer {

    private static final Pattern UNESCAPED = Pattern.compile("\\{\\{\\s*[{&]");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");
    private static final int CACHE_LIMIT = 500;

    private final Mustache.Compiler text;
    private final Mustache.Compiler html;
    private final Map<String, Template> textCache = new ConcurrentHashMap<>();
    private final Map<String, Template> htmlCache = new ConcurrentHashMap<>();

    public TemplateRenderer() {
        Mustache.Compiler base = Mustache.compiler()
                .withCollector(new MapsAndListsOnly())
                // A value that is absent for this stage prints nothing; an unknown name is an error (strict sections too).
                .nullValue("")
                .strictSections(true);
        this.text = base.withEscaper(Escapers.NONE);
        this.html = base.withEscaper(Escapers.HTML);
    }

    public RenderedNotice render(NoticeTemplate template, Map<String, Object> model) {
        String subject = LINE_BREAKS.matcher(compile(text, textCache, template.subject()).execute(model))
                .replaceAll(" ").strip();
        Object brief = model.get("brief");
        return new RenderedNotice(template.key().id(), subject,
                compile(text, textCache, template.text()).execute(model),
                compile(html, htmlCache, template.html()).execute(model), brief == null ? null : brief.toString());
    }

    /** Why the template cannot be used, per part; empty when it renders with every value a notice can have. */
    public List<Map<String, String>> problems(NoticeTemplate template, Map<String, Object> sample) {
        List<Map<String, String>> problems = new ArrayList<>();
        check("subject", template.subject(), text, sample, problems);
        check("text", template.text(), text, sample, problems);
        check("html", template.html(), html, sample, problems);
        return problems;
    }

    private static void check(String part, String source, Mustache.Compiler compiler, Map<String, Object> sample,
                              List<Map<String, String>> problems) {
        if (source == null || source.isBlank()) {
            problems.add(Map.of("field", part, "message", "must not be empty"));
            return;
        }
        if (UNESCAPED.matcher(source).find()) {
            problems.add(Map.of("field", part,
                    "message", "unescaped output ({{{...}}} or {{&...}}) is not allowed: every value is escaped"));
            return;
        }
        try {
            compiler.compile(source).execute(sample);
        } catch (MustacheException | UnsupportedOperationException e) {
            problems.add(Map.of("field", part, "message", String.valueOf(e.getMessage())));
        }
    }

    private static Template compile(Mustache.Compiler compiler, Map<String, Template> cache, String source) {
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        return cache.computeIfAbsent(source, compiler::compile);
    }

    private static final class MapsAndListsOnly extends BasicCollector {
        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    }
}
