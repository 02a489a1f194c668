package io.vigie.notification.wording;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages a contact may read notices in: those with a shipped {@code notification/phrases/COMMON.<lang>.yml}.
 * Adding a language is adding its files (phrase sets and templates); {@link Phrases} and the templates refuse to
 * start when one of them is missing.
 */
public final class Languages {

    static final String COMMON_FILES = "classpath*:notification/phrases/COMMON.*.yml";
    private static final Pattern NAME = Pattern.compile("COMMON\\.([a-z]{2})\\.yml");
    private static final Set<String> SUPPORTED = discover();

    private Languages() {
    }

    public static Set<String> supported() {
        return SUPPORTED;
    }

    public static boolean supports(String language) {
        return language != null && SUPPORTED.contains(language);
    }

    /** "fr, en or de" style list for error messages, in a stable order. */
    public static String described() {
        return String.join(", ", SUPPORTED);
    }

    /**
     * The language a browser asks for first ({@code Accept-Language}) among ours, else English: for a page whose reader
     * is unknown (a tampered link says nothing trustworthy about whose it is).
     */
    public static String preferredBy(String acceptLanguage) {
        try {
            String tag = acceptLanguage == null ? null
                    : Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            if (tag != null) {
                return tag.toLowerCase(Locale.ROOT);
            }
        } catch (IllegalArgumentException e) {
            // An unreadable header: the default below.
        }
        return supports("en") ? "en" : SUPPORTED.iterator().next();
    }

    /** How dates are written for a language's readers: European English for {@code en}, as the SOC's clients are. */
    public static Locale locale(String language) {
        return "en".equals(language) ? Locale.UK : Locale.forLanguageTag(language);
    }

    private static Set<String> discover() {
        Set<String> found = new TreeSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(COMMON_FILES)) {
                Matcher name = NAME.matcher(String.valueOf(resource.getFilename()));
                if (name.matches()) {
                    found.add(name.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the phrase catalogue", e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("No phrase catalogue on the class path (" + COMMON_FILES + ")");
        }
        return Collections.unmodifiableSet(found);
    }
}
