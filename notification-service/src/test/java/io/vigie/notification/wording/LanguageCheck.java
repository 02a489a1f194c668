package io.vigie.notification.wording;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds words of another language in a text meant for one: the small words every sentence of a language uses and
 * no sentence of the others does. A notice that mixes languages shows them; a test asserts it finds none.
 */
public final class LanguageCheck {

    private static final Map<String, Set<String>> MARKERS = Map.of(
            "en", Set.of("the", "we", "our", "your", "you", "is", "and", "with", "has", "been", "will", "of", "to",
                    "what", "this"),
            "fr", Set.of("nous", "vous", "les", "est", "une", "avec", "été", "notre", "votre", "aux", "dans", "pour",
                    "sont", "qui"),
            "de", Set.of("wir", "sie", "ihre", "ihr", "und", "der", "die", "das", "ist", "wurde", "mit", "nicht",
                    "unser", "für", "einen"));
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private LanguageCheck() {
    }

    /** The marker words of other languages found in {@code text}, e.g. {@code [en:the, en:your]}; empty when clean. */
    public static List<String> foreignWords(String text, String language) {
        Set<String> own = MARKERS.get(language);
        List<String> found = new ArrayList<>();
        Matcher word = WORD.matcher(text.replaceAll("<[^>]+>", " ").replaceAll("https?://\\S+", " "));
        while (word.find()) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            if (own.contains(lower)) {
                continue;
            }
            MARKERS.forEach((other, markers) -> {
                if (!other.equals(language) && markers.contains(lower) && !found.contains(other + ":" + lower)) {
                    found.add(other + ":" + lower);
                }
            });
        }
        return found;
    }
}
