package io.vigie.notification.wording;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the pages a client opens from a link (acknowledgement, question, survey) and of the internal emails
 * that go with them: one YAML file per language, e.g. {@code notification/ack/fr.yml}, nested keys read as
 * {@code ack.title}, lists as {@code scale.1}, {@code scale.2}… Every language must have every English key, with no
 * placeholder ({@code {date}}) the English text does not have: checked when the service starts, so a missing
 * translation stops the start instead of reaching a client. Notices are worded by the phrase catalogue
 * ({@link Phrases}), which clients' SOCs edit; these are the product's own pages.
 */
public class PageWords {

    public static final String REFERENCE = "en";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final String what;
    private final Map<String, Map<String, String>> byLanguage;

    /**
     * @param what  what the words are for, as errors name it ("the survey page")
     * @param files where each language's file is, {@code {language}} standing for its code
     */
    protected PageWords(String what, String files) {
        this.what = what;
        this.byLanguage = read(files);
        List<String> problems = problems(files, byLanguage);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The words of " + what + " are incomplete:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /**
     * The text of {@code key} in {@code language} (English for a language Vigie does not speak), its placeholders
     * filled; plain text, which the page escapes.
     */
    public String text(String language, String key, Map<String, String> values) {
        String text = byLanguage.getOrDefault(language, byLanguage.get(REFERENCE)).get(key);
        if (text == null) {
            throw new IllegalArgumentException("No word " + key + " for " + what);
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
        }
        return placeholder.appendTail(filled).toString();
    }

    public String text(String language, String key) {
        return text(language, key, Map.of());
    }

    public boolean has(String language, String key) {
        return byLanguage.getOrDefault(language, Map.of()).containsKey(key);
    }

    /** Every language's words, keys flattened; an empty map for a language whose file is missing. */
    public static Map<String, Map<String, String>> read(String files) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String language : Languages.supported()) {
            all.put(language, readOne(files.replace("{language}", language)));
        }
        return all;
    }

    /** What keeps a language from being used: a missing file or key, an empty text, an unknown key or placeholder. */
    public static List<String> problems(String files, Map<String, Map<String, String>> byLanguage) {
        List<String> problems = new ArrayList<>();
        Map<String, String> reference = byLanguage.get(REFERENCE);
        byLanguage.forEach((language, words) -> {
            if (words.isEmpty()) {
                problems.add(language + ": the file " + files.replace("{language}", language) + " is missing");
                return;
            }
            reference.forEach((key, english) -> {
                String text = words.get(key);
                if (text == null || text.isBlank()) {
                    problems.add(language + "." + key + ": missing");
                } else if (!placeholders(english).containsAll(placeholders(text))) {
                    problems.add(language + "." + key + ": may only use the placeholders " + placeholders(english));
                }
            });
            words.keySet().stream().filter(key -> !reference.containsKey(key))
                    .forEach(key -> problems.add(language + "." + key + ": unknown key"));
        });
        return problems;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    private static Map<String, String> readOne(String path) {
        ClassPathResource file = new ClassPathResource(path);
        if (!file.exists()) {
            return Map.of();
        }
        try (InputStream in = file.getInputStream()) {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", new Yaml(new SafeConstructor(new LoaderOptions())).load(in), flat);
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static void flatten(String prefix, Object node, Map<String, String> flat) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                    flat));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "." + (i + 1), list.get(i), flat);
            }
        } else if (node != null) {
            flat.put(prefix, String.valueOf(node));
        }
    }
}
