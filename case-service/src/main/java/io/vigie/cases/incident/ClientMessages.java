package io.vigie.cases.incident;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a person wrote for the clients, one text per language. notification-service gives each contact the text in
 * their language and never another one, so the contacts of a language without a text get none.
 *
 * @param texts the non-blank texts, in the order of {@link Language}
 */
public record ClientMessages(Map<Language, String> texts) {

    public static final int MAX_LENGTH = 10_000;

    public ClientMessages {
        texts = Collections.unmodifiableMap(texts.isEmpty() ? new EnumMap<>(Language.class) : new EnumMap<>(texts));
    }

    public static ClientMessages none() {
        return new ClientMessages(Map.of());
    }

    /**
     * The texts of a request, by language code. Blank texts are left out; a code that is not one of Vigie's languages
     * or a text that is too long is refused naming {@code field.code}.
     */
    public static ClientMessages of(String field, Map<String, String> byCode) {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        if (byCode != null) {
            byCode.forEach((code, text) -> {
                Language language = Language.of(code).orElseThrow(() -> new InvalidFieldException(
                        field + "." + printable(code), "not a language Vigie writes to clients in", Language.codes()));
                if (text != null && !text.isBlank()) {
                    texts.put(language, checked(field + "." + code, text));
                }
            });
        }
        return new ClientMessages(texts);
    }

    /** One text in one language, from the older single-language form of a request. */
    public static ClientMessages single(String languageField, String code, String text) {
        Language language = Language.of(code).orElseThrow(() -> new InvalidFieldException(languageField,
                "not a language Vigie writes to clients in", Language.codes()));
        return text == null || text.isBlank() ? none()
                : new ClientMessages(Map.of(language, checked(languageField, text)));
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    public List<Language> languages() {
        return List.copyOf(texts.keySet());
    }

    /** "fr, en": the languages written, in a fixed order. */
    public String codes() {
        return texts.keySet().stream().map(Language::code).collect(Collectors.joining(", "));
    }

    /** The texts by code ({@code fr}, {@code en}, {@code de}), as the events carry them. */
    public Map<String, String> byCode() {
        Map<String, String> byCode = new LinkedHashMap<>();
        texts.forEach((language, text) -> byCode.put(language.code(), text));
        return byCode;
    }

    /** The texts with their language tags, one after the other, for the internal record: "[fr] …\n[en] …". */
    public String tagged() {
        return texts.entrySet().stream().map(text -> "[" + text.getKey().code() + "] " + text.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static String checked(String field, String text) {
        String stripped = text.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidFieldException(field, "at most " + MAX_LENGTH + " characters", List.of());
        }
        return stripped;
    }

    /** An unknown code goes back in the error: short, and without control characters. */
    private static String printable(String code) {
        String shown = code == null ? "null" : code.codePoints().filter(c -> !Character.isISOControl(c)).limit(16)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return code != null && code.length() > 16 ? shown + "…" : shown;
    }
}
