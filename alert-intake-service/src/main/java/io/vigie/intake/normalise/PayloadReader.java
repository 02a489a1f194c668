package io.vigie.intake.normalise;

import io.vigie.intake.IntakeRejection;
import io.vigie.platform.web.problem.InvalidField;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads fields out of a parsed payload and collects every offending one, so a 400 lists them all at once. Blank
 * strings count as absent: template-based senders (Kibana's mustache) render a missing value as "".
 */
final class PayloadReader {

    static final int MAX_TEXT = 500;
    static final int MAX_LONG_TEXT = 10_000;
    static final int MAX_ITEMS = 100;
    static final int MAX_ATTRIBUTES = 200;
    static final int MAX_ATTRIBUTE_VALUE = 2_000;

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern UNIX_SECONDS = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    // Wazuh writes offsets without a colon: 2024-03-14T09:26:53.417+0000.
    private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");

    private final Instant receivedAt;
    private final List<InvalidField> errors = new ArrayList<>();

    PayloadReader(Instant receivedAt) {
        this.receivedAt = receivedAt;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    /** A value outside a fixed set: the answer lists the values allowed, for the sender to pick from. */
    void error(String pointer, String message, List<String> allowed) {
        errors.add(new InvalidField(pointer, message, allowed));
    }

    void error(String pointer, String message) {
        errors.add(new InvalidField(pointer, message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    void throwIfInvalid(String what) {
        if (!errors.isEmpty()) {
            throw IntakeRejection.invalid(what + " has " + errors.size() + " invalid field"
                    + (errors.size() == 1 ? "" : "s") + ".", errors);
        }
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.isString() && node.stringValue().isBlank();
    }

    /** A string (numbers and booleans are taken as written), at most {@code maxLength} characters; null if absent. */
    String text(JsonNode node, String pointer, int maxLength) {
        if (absent(node)) {
            return null;
        }
        if (node.isContainer()) {
            error(pointer, "must be a string");
            return null;
        }
        String value = storable(node.asString()).strip();
        if (value.length() > maxLength) {
            error(pointer, "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    String requiredText(JsonNode node, String pointer, int maxLength) {
        if (absent(node)) {
            error(pointer, "is required");
            return null;
        }
        return text(node, pointer, maxLength);
    }

    /** Like {@link #text} but a too-long value is cut, for free text from tools that do not bound it. */
    static String clipped(JsonNode node, int maxLength) {
        if (absent(node) || node.isContainer()) {
            return null;
        }
        String value = storable(node.asString()).strip();
        return value.length() > maxLength ? value.substring(0, maxLength) + "…" : value;
    }

    JsonNode requiredObject(JsonNode node, String pointer) {
        if (absent(node)) {
            error(pointer, "is required");
            return null;
        }
        if (!node.isObject()) {
            error(pointer, "must be an object");
            return null;
        }
        return node;
    }

    /** A whole number in [min, max]: numbers written as strings are accepted, fractions and huge values are not. */
    Integer integer(JsonNode node, String pointer, int min, int max) {
        BigDecimal value = decimal(node, pointer);
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(pointer, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return value.intValueExact();
    }

    Double number(JsonNode node, String pointer, double min, double max) {
        BigDecimal value = decimal(node, pointer);
        if (value == null) {
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(pointer, "must be a number from " + min + " to " + max);
            return null;
        }
        return value.doubleValue();
    }

    private BigDecimal decimal(JsonNode node, String pointer) {
        if (absent(node)) {
            return null;
        }
        if (node.isNumber()) {
            BigDecimal value = finite(node);
            if (value == null) {
                error(pointer, "is out of range");
            }
            return value;
        }
        if (node.isString() && node.stringValue().strip().length() <= 30) {
            try {
                return new BigDecimal(node.stringValue().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(pointer, "must be a number");
        return null;
    }

    /**
     * The number's exact value, or null when it has none: JSON allows {@code 1e400}, which the parser reads as an
     * infinite double, and an infinite double has no decimal value (asking for one throws).
     */
    private static BigDecimal finite(JsonNode number) {
        if (number.isFloatingPointNumber() && !Double.isFinite(number.doubleValue())) {
            return null;
        }
        return number.decimalValue();
    }

    Boolean bool(JsonNode node, String pointer) {
        if (absent(node)) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        error(pointer, "must be true or false");
        return null;
    }

    /**
     * A point in time: ISO-8601 with an offset, Wazuh's compact offset, or Unix seconds (Splunk's {@code _time},
     * possibly fractional). Before 1970 or more than a day ahead is an error, never a silently wrong timeline.
     */
    Instant instant(JsonNode node, String pointer) {
        if (absent(node)) {
            return null;
        }
        Instant value = null;
        if (node.isNumber() || node.isString() && UNIX_SECONDS.matcher(node.stringValue().strip()).matches()) {
            BigDecimal seconds = node.isNumber() ? finite(node) : new BigDecimal(node.stringValue().strip());
            if (seconds != null && seconds.signum() >= 0 && seconds.compareTo(BigDecimal.valueOf(253_402_300_799L)) <= 0) {
                value = Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
            }
        } else if (node.isString()) {
            value = parseInstant(node.stringValue().strip());
        }
        if (value == null) {
            error(pointer, "must be a date-time with offset (ISO-8601, e.g. 2024-03-14T09:26:53Z) or Unix seconds");
            return null;
        }
        if (value.isBefore(EARLIEST) || value.isAfter(receivedAt.plus(FUTURE_TOLERANCE))) {
            error(pointer, "is out of range (before 1970 or more than a day ahead)");
            return null;
        }
        return value;
    }

    private static Instant parseInstant(String text) {
        if (text.length() > 40) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text, COMPACT_OFFSET).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** A string or an array of strings (Splunk multivalue fields, Kibana's comma-joined lists are split). */
    List<String> texts(JsonNode node, String pointer, int maxLength) {
        List<String> values = new ArrayList<>();
        if (absent(node)) {
            return values;
        }
        if (node.isArray()) {
            if (node.size() > MAX_ITEMS) {
                error(pointer, "must have at most " + MAX_ITEMS + " items");
                return values;
            }
            for (int i = 0; i < node.size(); i++) {
                String value = text(node.get(i), pointer + "/" + i, maxLength);
                if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }
        String value = text(node, pointer, maxLength);
        if (value != null) {
            values.add(value);
        }
        return values;
    }

    static boolean isIpAddress(String value) {
        if (value == null) {
            return false;
        }
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (!value.contains(":") || !IPV6.matcher(value).matches()) {
            return false;
        }
        try {
            // Safe: only literals reach this point, so no name is ever looked up.
            return InetAddress.getByName(value) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isWebUrl(String value) {
        if (value == null || value.length() > MAX_LONG_TEXT) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** Scalars of an object, flattened with dotted names under {@code prefix}, for triage rules to match on. */
    static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (absent(node) || into.size() >= MAX_ATTRIBUTES) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = storable(field.getKey());
                flatten(prefix.isEmpty() ? name : prefix + "." + name, field.getValue(), into);
            }
        } else if (node.isArray()) {
            List<String> scalars = new ArrayList<>();
            for (JsonNode item : node) {
                if (item.isContainer()) {
                    flatten(prefix + "." + scalars.size(), item, into);
                } else if (!absent(item)) {
                    scalars.add(storable(item.asString()));
                }
            }
            if (!scalars.isEmpty()) {
                into.put(prefix, clip(String.join(",", scalars)));
            }
        } else {
            into.put(prefix, clip(storable(node.asString())));
        }
    }

    static Map<String, String> flattened(String prefix, JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten(prefix, node, values);
        return values;
    }

    /**
     * The text with every NUL character (JSON's {@code \u0000}) replaced by U+FFFD. A log line a SIEM quotes may hold
     * one, and no PostgreSQL text column downstream can store it; the replacement keeps the alert and shows where the
     * character was, while the raw payload in the evidence archive keeps the original.
     */
    static String storable(String value) {
        return value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }

    private static String clip(String value) {
        return value.length() > MAX_ATTRIBUTE_VALUE ? value.substring(0, MAX_ATTRIBUTE_VALUE) + "…" : value;
    }
}
