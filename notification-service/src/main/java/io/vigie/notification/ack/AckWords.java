package io.vigie.notification.ack;

import io.vigie.notification.wording.Languages;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
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
 * The words of the acknowledgement and agreement pages, in the contact's language: {@code notification/ack/<lang>.yml},
 * one file per language of the phrase catalogue. Each has every key of the English file and no placeholder the English
 * text does not have, or the service does not start.
 */
@Component
class AckWords {

    static final String REFERENCE = "en";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<String, Map<String, String>> byLanguage;

    AckWords() {
        this.byLanguage = loadAll();
        List<String> problems = problems(byLanguage);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The acknowledgement and agreement pages' words are incomplete:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** The text of {@code key} in {@code language}, placeholders filled (as plain text: the caller escapes it). */
    String text(String language, String key, Map<String, String> values) {
        String text = byLanguage.getOrDefault(language, byLanguage.get(REFERENCE)).get(key);
        if (text == null) {
            throw new IllegalArgumentException("No acknowledgement page word " + key);
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
        }
        return placeholder.appendTail(filled).toString();
    }

    static Map<String, Map<String, String>> loadAll() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String language : Languages.supported()) {
            all.put(language, load(language));
        }
        return all;
    }

    /** What keeps a language from being used: a missing file or key, an empty text, an unknown placeholder. */
    static List<String> problems(Map<String, Map<String, String>> byLanguage) {
        List<String> problems = new ArrayList<>();
        Map<String, String> reference = byLanguage.get(REFERENCE);
        byLanguage.forEach((language, words) -> {
            if (words.isEmpty()) {
                problems.add(language + ": the file notification/ack/" + language + ".yml is missing");
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

    private static Map<String, String> load(String language) {
        ClassPathResource file = new ClassPathResource("notification/ack/" + language + ".yml");
        if (!file.exists()) {
            return Map.of();
        }
        try (InputStream in = file.getInputStream()) {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", new Yaml(new SafeConstructor(new LoaderOptions())).load(in), flat);
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.getPath(), e);
        }
    }

    private static void flatten(String prefix, Object node, Map<String, String> flat) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                    flat));
        } else if (node != null) {
            flat.put(prefix, String.valueOf(node));
        }
    }
}
