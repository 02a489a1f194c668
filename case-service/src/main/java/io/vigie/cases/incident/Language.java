package io.vigie.cases.incident;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The languages Vigie speaks to clients in: every client-facing text exists in each, and a contact reads nothing in
 * another one. The code is what travels on the events and in the API; the name is for the (English) ops dashboard, and
 * the language's own name tells whoever answers a client in which language to write.
 */
public enum Language {
    FR("fr", "French", "Français"),
    EN("en", "English", "English"),
    DE("de", "German", "Deutsch");

    private final String code;
    private final String label;
    private final String ownName;

    Language(String code, String label, String ownName) {
        this.code = code;
        this.label = label;
        this.ownName = ownName;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** "Français", "Deutsch": the language as its readers name it. */
    public String ownName() {
        return ownName;
    }

    /** The language of an exact code ({@code fr}, {@code en}, {@code de}); anything else is none of Vigie's. */
    public static Optional<Language> of(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Language::code).toList();
    }
}
