package io.vigie.notification.wording;

import io.vigie.events.DataCategory;
import io.vigie.events.Measure;
import io.vigie.notification.InvalidInputException;
import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.wording.internal.PhraseRows;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The phrase catalogue: for every language, a COMMON set (severities, categories, data categories, measures, the
 * sentences that say what changed) and one set per incident category (context, impact, plan, advice, offers). The
 * shipped sets are {@code notification/phrases/<SET>.<lang>.yml}; a set edited through the API replaces the shipped
 * one. A set is complete or it is refused: every key of the shipped English set, with a text (or a non-empty list) and
 * no placeholder the English one does not have. The service does not start with an incomplete shipped set.
 */
@Service
public class Phrases {

    public static final String COMMON = "COMMON";
    static final String REFERENCE = "en";
    private static final String FILES = "classpath*:notification/phrases/*.yml";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Edits made on another instance are seen within this long; this instance's own edits at once. */
    private static final long STAMP_CHECK_EVERY_NANOS = 1_000_000_000L;

    private final PhraseRows rows;
    private final Clock clock;
    private final Map<SetKey, Map<String, Object>> shipped;
    private final Map<String, Map<String, Object>> reference = new LinkedHashMap<>();
    private final Map<String, PhraseBook> books = new ConcurrentHashMap<>();
    private volatile String booksStamp = "";
    private volatile long stampCheckedAt = System.nanoTime() - STAMP_CHECK_EVERY_NANOS;

    public record SetKey(String set, String language) {
        public String id() {
            return set + "/" + language;
        }
    }

    Phrases(PhraseRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
        this.shipped = loadShipped();
        for (String set : setNames()) {
            Map<String, Object> english = shipped.get(new SetKey(set, REFERENCE));
            if (english == null) {
                throw new IllegalStateException("The phrase catalogue has no " + set + "." + REFERENCE + ".yml");
            }
            reference.put(set, PhraseBook.leaves(english));
        }
        List<String> incomplete = new ArrayList<>();
        requiredCommonKeys().stream().filter(key -> !reference.get(COMMON).containsKey(key))
                .forEach(key -> incomplete.add("COMMON/en: " + key + " is missing"));
        for (String language : Languages.supported()) {
            for (String set : setNames()) {
                Map<String, Object> body = shipped.get(new SetKey(set, language));
                if (body == null) {
                    incomplete.add(set + "/" + language + ": the file " + set + "." + language + ".yml is missing");
                    continue;
                }
                problems(new SetKey(set, language), body).forEach(problem ->
                        incomplete.add(problem.get("field") + ": " + problem.get("message")));
            }
        }
        if (!incomplete.isEmpty()) {
            throw new IllegalStateException("The shipped phrase catalogue is incomplete:\n  "
                    + String.join("\n  ", incomplete));
        }
    }

    /** COMMON and one set per incident category. */
    public static List<String> setNames() {
        List<String> names = new ArrayList<>();
        names.add(COMMON);
        for (Category category : Category.values()) {
            names.add(category.name());
        }
        return names;
    }

    /** The words of one language, as activated now. */
    public PhraseBook book(String language) {
        if (!Languages.supports(language)) {
            throw new IllegalArgumentException("Unsupported language " + language);
        }
        // Every email renders with a book: the edits are looked for at most once a second, not once per email.
        long now = System.nanoTime();
        if (now - stampCheckedAt >= STAMP_CHECK_EVERY_NANOS) {
            stampCheckedAt = now;
            refreshIfEdited();
        }
        return books.computeIfAbsent(language, this::loadBook);
    }

    private void refreshIfEdited() {
        String stamp = storedStamp();
        if (!stamp.equals(booksStamp)) {
            books.clear();
            booksStamp = stamp;
        }
    }

    /** The set in effect: the edited one, else the shipped one. */
    public Optional<Map<String, Object>> find(SetKey key) {
        Optional<String> stored = rows.body(key);
        if (stored.isPresent()) {
            return Optional.of(JSON.readValue(stored.get(), new TypeReference<Map<String, Object>>() { }));
        }
        return Optional.ofNullable(shipped.get(key));
    }

    public boolean edited(SetKey key) {
        return rows.edited(key);
    }

    /** Activates an edited set; an incomplete one is refused (422) with every key it misses, and nothing changes. */
    @Transactional
    public void save(SetKey key, Map<String, Object> body, String editor) {
        List<Map<String, String>> problems = problems(key, body);
        if (!problems.isEmpty()) {
            throw InvalidInputException.unprocessable("The phrase set " + key.id() + " is incomplete or invalid",
                    problems);
        }
        rows.save(key, JSON.writeValueAsString(body), editor, clock.instant());
        books.clear();
    }

    /** Drops the edited set, so the shipped one applies again. */
    @Transactional
    public boolean reset(SetKey key) {
        boolean removed = rows.delete(key);
        books.clear();
        return removed;
    }

    /** Why this set cannot be activated, per key ({@code field} names the set, language and key); empty when it can. */
    public List<Map<String, String>> problems(SetKey key, Map<String, Object> body) {
        List<Map<String, String>> problems = new ArrayList<>();
        Map<String, Object> expected = reference.get(key.set());
        if (expected == null || !Languages.supports(key.language())) {
            problems.add(InvalidInputException.field(expected == null ? "set" : "language", expected == null
                    ? "one of " + String.join(", ", setNames()) : "one of " + Languages.described()));
            return problems;
        }
        Map<String, Object> leaves = body == null ? Map.of() : PhraseBook.leaves(body);
        String prefix = key.set() + "." + key.language() + ".";
        expected.forEach((path, model) -> {
            Object value = leaves.get(path);
            if (value == null) {
                problems.add(InvalidInputException.field(prefix + path,
                        "missing: every language needs every phrase (the " + REFERENCE + " set has it)"));
            } else if (model instanceof List<?> && !(value instanceof List<?> items && !items.isEmpty()
                    && items.stream().allMatch(item -> item instanceof String text && !text.isBlank()))) {
                problems.add(InvalidInputException.field(prefix + path, "must be a non-empty list of texts"));
            } else if (model instanceof String && !(value instanceof String text && !text.isBlank())) {
                problems.add(InvalidInputException.field(prefix + path, "must be a non-empty text"));
            } else {
                Set<String> allowed = new HashSet<>(placeholders(model));
                placeholders(value).stream().filter(name -> !allowed.contains(name)).distinct().forEach(name ->
                        problems.add(InvalidInputException.field(prefix + path, "unknown placeholder {" + name
                                + "}: this phrase can use " + (allowed.isEmpty() ? "none" : allowed))));
            }
        });
        leaves.keySet().stream().filter(path -> !expected.containsKey(path)).forEach(path ->
                problems.add(InvalidInputException.field(prefix + path, "unknown key")));
        return problems;
    }

    private static List<String> placeholders(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof String text) {
            names.addAll(PhraseBook.placeholders(text));
        } else if (value instanceof List<?> items) {
            items.forEach(item -> names.addAll(PhraseBook.placeholders(String.valueOf(item))));
        }
        return names;
    }

    /** The codes the events carry, each of which must have its words. */
    private static List<String> requiredCommonKeys() {
        List<String> keys = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            keys.add("severity." + severity.name());
        }
        for (Category category : Category.values()) {
            keys.add("category." + category.name());
        }
        DataCategory.getClassSchema().getEnumSymbols().forEach(code -> keys.add("dataCategory." + code));
        Measure.getClassSchema().getEnumSymbols().forEach(code -> keys.add("measure." + code));
        return keys;
    }

    /** One language's words as shipped, with no edits applied: for tests and tools that run without a database. */
    public static PhraseBook shipped(String language) {
        Map<SetKey, Map<String, Object>> sets = loadShipped();
        Map<Category, Map<String, Object>> categories = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            categories.put(category, sets.get(new SetKey(category.name(), language)));
        }
        return new PhraseBook(language, sets.get(new SetKey(COMMON, language)), categories);
    }

    private PhraseBook loadBook(String language) {
        Map<Category, Map<String, Object>> categories = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            categories.put(category, find(new SetKey(category.name(), language)).orElseThrow());
        }
        return new PhraseBook(language, find(new SetKey(COMMON, language)).orElseThrow(), categories);
    }

    private String storedStamp() {
        return rows.stamp();
    }

    @SuppressWarnings("unchecked")
    private static Map<SetKey, Map<String, Object>> loadShipped() {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<SetKey, Map<String, Object>> loaded = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(FILES)) {
                String[] parts = String.valueOf(resource.getFilename()).split("\\.");
                if (parts.length != 3) {
                    continue;
                }
                Object body = yaml.load(resource.getContentAsString(StandardCharsets.UTF_8));
                if (!(body instanceof Map<?, ?>)) {
                    throw new IllegalStateException("The phrase set " + resource.getFilename() + " is not a map");
                }
                loaded.put(new SetKey(parts[0], parts[1]), (Map<String, Object>) body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the phrase catalogue", e);
        }
        return loaded;
    }
}
