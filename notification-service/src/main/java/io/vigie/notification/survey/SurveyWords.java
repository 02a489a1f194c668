package io.vigie.notification.survey;

import io.vigie.notification.wording.Languages;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the survey page, one file per language ({@code notification/survey/survey.<lang>.yml}), for every
 * language notices are written in. They are the page's own fixed words, like a template's, so they live beside the
 * phrase catalogue rather than in it: a phrase set edited through the API before the survey existed stays complete.
 * The service does not start when a language misses a key or uses a placeholder its English original does not.
 */
@Component
class SurveyWords {

    static final String REFERENCE = "en";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<String, Map<String, Object>> byLanguage = new LinkedHashMap<>();

    SurveyWords() {
        for (String language : Languages.supported()) {
            byLanguage.put(language, load(language));
        }
        List<String> problems = problems(byLanguage);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The survey page's words are incomplete:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** A text of the page in {@code language}, its placeholders filled (plain text: the page escapes it). */
    String text(String language, String key, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher((String) words(language).get(key));
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
        }
        return placeholder.appendTail(filled).toString();
    }

    String text(String language, String key) {
        return text(language, key, Map.of());
    }

    /** The words of a rating, 1 to 5. */
    String rating(String language, int rating) {
        return ((List<?>) words(language).get("scale")).get(rating - 1).toString();
    }

    private Map<String, Object> words(String language) {
        Map<String, Object> words = byLanguage.get(language);
        return words != null ? words : byLanguage.get(REFERENCE);
    }

    /** What is missing or wrong in each language, measured against English; empty when complete. */
    static List<String> problems(Map<String, Map<String, Object>> byLanguage) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> reference = byLanguage.get(REFERENCE);
        byLanguage.forEach((language, words) -> {
            reference.forEach((key, model) -> {
                Object value = words.get(key);
                if (model instanceof List<?> scale) {
                    if (!(value instanceof List<?> items) || items.size() != scale.size()
                            || items.stream().anyMatch(item -> !(item instanceof String text) || text.isBlank())) {
                        problems.add(language + "." + key + ": needs " + scale.size() + " texts");
                    }
                } else if (!(value instanceof String text) || text.isBlank()) {
                    problems.add(language + "." + key + ": missing");
                } else {
                    List<String> allowed = placeholders((String) model);
                    placeholders(text).stream().filter(name -> !allowed.contains(name)).forEach(name ->
                            problems.add(language + "." + key + ": unknown placeholder {" + name + "}"));
                }
            });
            words.keySet().stream().filter(key -> !reference.containsKey(key))
                    .forEach(key -> problems.add(language + "." + key + ": unknown key"));
        });
        return problems;
    }

    static Map<String, Object> load(String language) {
        ClassPathResource file = new ClassPathResource("notification/survey/survey." + language + ".yml");
        if (!file.exists()) {
            throw new IllegalStateException("The survey page has no words in " + language + " (" + file.getPath()
                    + ")");
        }
        try {
            Object body = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(file.getContentAsString(StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            Map<String, Object> words = body instanceof Map<?, ?> ? (Map<String, Object>) body : Map.of();
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.getPath(), e);
        }
    }

    private static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }
}
