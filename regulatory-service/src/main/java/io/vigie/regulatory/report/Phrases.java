package io.vigie.regulatory.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of the filings in one language, from {@code regulatory/phrases/<language>.properties}: headings and fixed
 * sentences live with their language, never in the code. Every key exists in every language (PhrasesTest).
 */
final class Phrases {

    static final List<String> LANGUAGES = List.of("fr", "en", "de");

    private static final Map<String, Phrases> LOADED = new ConcurrentHashMap<>();

    private final String language;
    private final Properties words;

    private Phrases(String language, Properties words) {
        this.language = language;
        this.words = words;
    }

    static Phrases in(String language) {
        return LOADED.computeIfAbsent(LANGUAGES.contains(language) ? language : "en", Phrases::load);
    }

    String language() {
        return language;
    }

    /** @throws IllegalStateException for a key missing in this language: a bug PhrasesTest exists to catch */
    String get(String key) {
        String word = words.getProperty(key);
        if (word == null) {
            throw new IllegalStateException("No phrase '" + key + "' in " + language);
        }
        return word;
    }

    Set<String> keys() {
        return words.stringPropertyNames();
    }

    private static Phrases load(String language) {
        String path = "regulatory/phrases/" + language + ".properties";
        try (InputStream in = Phrases.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            Properties words = new Properties();
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Phrases(language, words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
