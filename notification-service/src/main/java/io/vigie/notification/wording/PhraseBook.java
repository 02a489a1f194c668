package io.vigie.notification.wording;

import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One language's words: the COMMON set and one set per incident category, as activated. Everything a notice says in
 * words comes from here or from its template, both in the contact's language; the facts come from the events as codes.
 */
public final class PhraseBook {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final String language;
    private final Locale locale;
    private final Map<String, Object> common;
    private final Map<Category, Map<String, Object>> categories;

    PhraseBook(String language, Map<String, Object> common, Map<Category, Map<String, Object>> categories) {
        this.language = language;
        this.locale = Languages.locale(language);
        this.common = common;
        this.categories = categories;
    }

    public String language() {
        return language;
    }

    public String severity(Severity severity) {
        return severity == null ? null : text(common, "severity." + severity.name());
    }

    public String category(Category category) {
        return category == null ? null : text(common, "category." + category.name());
    }

    public String dataCategory(String code) {
        return text(common, "dataCategory." + code);
    }

    public String measure(String code) {
        return text(common, "measure." + code);
    }

    /** A COMMON phrase (e.g. {@code change.newEta}) with its placeholders filled. */
    public String common(String key, Map<String, String> values) {
        return fill(text(common, key), values);
    }

    public String common(String key) {
        return common(key, Map.of());
    }

    /** A category phrase: {@code context}, {@code impact} or {@code plan}. */
    public String about(Category category, String key) {
        return text(categories.get(category), key);
    }

    /** The category's advice, then the general advice, each item once. */
    public List<String> advice(Category category) {
        List<String> advice = new ArrayList<>();
        for (String item : texts(categories.get(category), "advice")) {
            addOnce(advice, item);
        }
        for (String item : texts(common, "generalAdvice")) {
            addOnce(advice, item);
        }
        return advice;
    }

    /** The category's offers the client's contract includes, in the category's order, placeholders filled. */
    public List<String> offers(Category category, List<String> contracted, Map<String, String> values) {
        Object offers = categories.get(category).get("offers");
        List<String> worded = new ArrayList<>();
        if (offers instanceof Map<?, ?> byCode) {
            byCode.forEach((code, text) -> {
                if (contracted.contains(String.valueOf(code))) {
                    addOnce(worded, fill(String.valueOf(text), values));
                }
            });
        }
        return worded;
    }

    public String dateTime(Instant instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(instant).replace(" " + zone.getId(), "") + " (" + zone.getId() + ")";
    }

    /** "Monday–Friday, 08:00–20:00" in this language, from a contract's {@code MON-FRI 08:00-20:00}. */
    public String supportHours(SupportHours hours) {
        if (hours == null) {
            return null;
        }
        String days = hours.first().getDisplayName(TextStyle.FULL_STANDALONE, locale)
                + (hours.last() == hours.first() ? "" : "–" + hours.last().getDisplayName(TextStyle.FULL_STANDALONE, locale));
        return common("supportHours", Map.of("days", days, "from", hours.from().toString(), "to", hours.to().toString()));
    }

    /** "a, b and c" with this language's last separator. */
    public String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        String and = switch (language) {
            case "fr" -> " et ";
            case "de" -> " und ";
            default -> " and ";
        };
        return String.join(", ", items.subList(0, items.size() - 1)) + and + items.get(items.size() - 1);
    }

    static String fill(String text, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    private static void addOnce(List<String> items, String item) {
        if (items.stream().noneMatch(existing -> existing.equalsIgnoreCase(item.strip()))) {
            items.add(item.strip());
        }
    }

    private String text(Map<String, Object> set, String path) {
        Object value = at(set, path);
        if (!(value instanceof String text)) {
            // Cannot happen with an activated set: every key was checked when it was activated.
            throw new IllegalStateException("No phrase " + path + " in language " + language);
        }
        return text;
    }

    private static List<String> texts(Map<String, Object> set, String path) {
        Object value = at(set, path);
        if (!(value instanceof List<?> items)) {
            throw new IllegalStateException("No phrase list " + path);
        }
        return items.stream().map(String::valueOf).toList();
    }

    static Object at(Map<String, Object> set, String path) {
        Object current = set;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** Every key path of a set, lists and texts as leaves: what completeness compares across languages. */
    static Map<String, Object> leaves(Map<String, Object> set) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        collect("", set, leaves);
        return leaves;
    }

    private static void collect(String prefix, Object node, Map<String, Object> leaves) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, value) -> collect(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                    leaves));
        } else {
            leaves.put(prefix, node);
        }
    }
}
