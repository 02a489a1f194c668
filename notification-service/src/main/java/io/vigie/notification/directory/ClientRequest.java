package io.vigie.notification.directory;

import io.vigie.notification.InvalidInputException;
import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.wording.Languages;
import io.vigie.notification.wording.SupportHours;
import org.springframework.boot.convert.DurationStyle;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A client as the API receives it. {@code webhookSecret} is write-only: left out on a replace, the stored one is kept.
 * Wide: the JSON body of {@code PUT /api/clients/{id}} and of each entry of the import, an API contract; it becomes a
 * grouped {@link Client} in {@link #toClient}.
 */
record ClientRequest(String id, String name, String minimumSeverity, List<String> channels, Boolean outOfBand,
                     String webhookUrl, String webhookSecret, List<ContactRequest> contacts, String timeZone,
                     ContractRequest contract, Map<String, List<String>> channelsBySeverity,
                     List<ReviewRuleRequest> reviewGate) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{5,30}");

    record ContactRequest(String id, String name, String role, String email, String phone, String language,
                          String timeZone, Map<String, List<String>> channelsBySeverity) {
    }

    /** Durations as ISO-8601 ({@code PT4H}) or Spring's short form ({@code 4h}). */
    record ContractRequest(String supportLine, String supportHours, List<String> offers,
                           Map<String, String> updateEvery) {
    }

    /** A review-gate rule: empty or absent severities and categories match all; hold as {@code 30m} or {@code PT30M}. */
    record ReviewRuleRequest(List<String> severities, List<String> categories, String hold) {
    }

    ClientRequest withId(String pathId) {
        return new ClientRequest(pathId, name, minimumSeverity, channels, outOfBand, webhookUrl, webhookSecret,
                contacts, timeZone, contract, channelsBySeverity, reviewGate);
    }

    /** Collects every problem under {@code prefix} (e.g. {@code [2].} in an import) instead of stopping at the first. */
    List<Map<String, String>> problems(String prefix, String storedSecret, Function<String, Optional<String>> webhookRefusal) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(InvalidInputException.field(prefix + "id", "1 to 64 letters, digits, '.', '_' or '-'"));
        } else if (Client.ON_DUTY.equals(id)) {
            errors.add(InvalidInputException.field(prefix + "id", "reserved for the on-duty security lead"));
        }
        if (blank(name) || name.length() > 200) {
            errors.add(InvalidInputException.field(prefix + "name", "required, at most 200 characters"));
        }
        if (!isEnum(Severity.class, minimumSeverity)) {
            errors.add(InvalidInputException.field(prefix + "minimumSeverity", "one of CRITICAL, HIGH, MEDIUM, LOW"));
        }
        List<Channel> parsedChannels = parsedChannels();
        if (channels == null || channels.isEmpty() || parsedChannels.size() != channels.size()
                || new HashSet<>(parsedChannels).size() != parsedChannels.size()) {
            errors.add(InvalidInputException.field(prefix + "channels",
                    "a non-empty list without repeats of EMAIL, SMS, WEBHOOK, PHONE"));
        }
        if (parsedChannels.contains(Channel.WEBHOOK)) {
            if (!absoluteHttpUrl(webhookUrl)) {
                errors.add(InvalidInputException.field(prefix + "webhookUrl",
                        "an absolute http(s) URL is required with the WEBHOOK channel"));
            } else {
                // Refused now, with the reason, rather than failing at every send.
                webhookRefusal.apply(webhookUrl).ifPresent(reason ->
                        errors.add(InvalidInputException.field(prefix + "webhookUrl", "refused: " + reason)));
            }
            String secret = blank(webhookSecret) ? storedSecret : webhookSecret;
            if (blank(secret) || secret.length() < 16) {
                errors.add(InvalidInputException.field(prefix + "webhookSecret",
                        "at least 16 characters are required with the WEBHOOK channel (it signs the requests)"));
            }
        }
        if (timeZone != null && zone(timeZone) == null) {
            errors.add(InvalidInputException.field(prefix + "timeZone", "a time zone such as Europe/Paris"));
        }
        contractProblems(prefix + "contract.", contract, errors);
        togetherProblems(prefix + "channelsBySeverity", channelsBySeverity, errors);
        gateProblems(prefix + "reviewGate", reviewGate, errors);
        if (contacts == null || contacts.isEmpty()) {
            errors.add(InvalidInputException.field(prefix + "contacts", "at least one contact"));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < contacts.size(); i++) {
                contactProblems(prefix + "contacts[" + i + "].", contacts.get(i), ids, errors);
            }
        }
        return errors;
    }

    private static void contactProblems(String prefix, ContactRequest contact, Set<String> ids,
                                        List<Map<String, String>> errors) {
        if (contact == null) {
            errors.add(InvalidInputException.field(prefix.substring(0, prefix.length() - 1), "must not be null"));
            return;
        }
        if (contact.id() == null || !ID.matcher(contact.id()).matches() || !ids.add(contact.id())) {
            errors.add(InvalidInputException.field(prefix + "id",
                    "unique within the client, 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        if (blank(contact.name()) || contact.name().length() > 200) {
            errors.add(InvalidInputException.field(prefix + "name", "required, at most 200 characters"));
        }
        if (contact.role() != null && contact.role().length() > 200) {
            errors.add(InvalidInputException.field(prefix + "role", "at most 200 characters"));
        }
        if (!Languages.supports(contact.language())) {
            errors.add(InvalidInputException.field(prefix + "language", "one of " + Languages.described()));
        }
        if (contact.timeZone() != null && zone(contact.timeZone()) == null) {
            errors.add(InvalidInputException.field(prefix + "timeZone", "a time zone such as Europe/Paris"));
        }
        togetherProblems(prefix + "channelsBySeverity", contact.channelsBySeverity(), errors);
        if (!blank(contact.email()) && (contact.email().length() > 320 || !EMAIL.matcher(contact.email()).matches())) {
            errors.add(InvalidInputException.field(prefix + "email", "not an email address"));
        }
        if (!blank(contact.phone()) && !PHONE.matcher(contact.phone()).matches()) {
            errors.add(InvalidInputException.field(prefix + "phone", "not a phone number (e.g. +33 6 12 34 56 78)"));
        }
        if (blank(contact.email()) && blank(contact.phone())) {
            errors.add(InvalidInputException.field(prefix + "email", "an email or a phone number is required"));
        }
    }

    private static void togetherProblems(String field, Map<String, List<String>> together,
                                         List<Map<String, String>> errors) {
        if (together == null) {
            return;
        }
        together.forEach((severity, channels) -> {
            if (!isEnum(Severity.class, severity)) {
                errors.add(InvalidInputException.field(field + "." + severity, "keys are CRITICAL, HIGH, MEDIUM, LOW"));
            } else if (channels == null || channels.isEmpty() || channels.contains(Channel.WEBHOOK.name())
                    || !channels.stream().allMatch(name -> isEnum(Channel.class, name))
                    || new HashSet<>(channels).size() != channels.size()) {
                errors.add(InvalidInputException.field(field + "." + severity,
                        "a non-empty list without repeats of EMAIL, SMS, PHONE (the ticketing webhook is per client)"));
            }
        });
    }

    private static void gateProblems(String field, List<ReviewRuleRequest> rules, List<Map<String, String>> errors) {
        if (rules == null) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            String at = field + "[" + i + "]";
            ReviewRuleRequest rule = rules.get(i);
            if (rule == null) {
                errors.add(InvalidInputException.field(at, "must not be null"));
                continue;
            }
            if (rule.severities() != null && !rule.severities().stream().allMatch(s -> isEnum(Severity.class, s))) {
                errors.add(InvalidInputException.field(at + ".severities", "CRITICAL, HIGH, MEDIUM or LOW"));
            }
            if (rule.categories() != null && !rule.categories().stream().allMatch(c -> isEnum(Category.class, c))) {
                errors.add(InvalidInputException.field(at + ".categories", "incident categories, e.g. DATA_BREACH"));
            }
            Duration hold = duration(rule.hold());
            if (hold == null || hold.compareTo(Duration.ofMinutes(1)) < 0 || hold.compareTo(Duration.ofHours(24)) > 0) {
                errors.add(InvalidInputException.field(at + ".hold", "a duration between 1m and 24h, e.g. 30m"));
            }
        }
    }

    private ReviewGate parsedGate() {
        if (reviewGate == null) {
            return ReviewGate.NONE;
        }
        return new ReviewGate(reviewGate.stream().map(rule -> new ReviewGate.Rule(
                rule.severities() == null ? List.of() : rule.severities().stream().map(Severity::valueOf).toList(),
                rule.categories() == null ? List.of() : rule.categories().stream().map(Category::valueOf).toList(),
                duration(rule.hold()))).toList());
    }

    private static ChannelsBySeverity together(Map<String, List<String>> together) {
        if (together == null || together.isEmpty()) {
            return ChannelsBySeverity.NONE;
        }
        Map<Severity, List<Channel>> parsed = new EnumMap<>(Severity.class);
        together.forEach((severity, channels) -> parsed.put(Severity.valueOf(severity),
                channels.stream().map(Channel::valueOf).toList()));
        return new ChannelsBySeverity(parsed);
    }

    private static void contractProblems(String prefix, ContractRequest contract, List<Map<String, String>> errors) {
        if (contract == null) {
            return;
        }
        if (contract.supportLine() != null && !blank(contract.supportLine())
                && !PHONE.matcher(contract.supportLine()).matches()) {
            errors.add(InvalidInputException.field(prefix + "supportLine", "a phone number (e.g. +33 1 23 45 67 89)"));
        }
        if (!blank(contract.supportHours()) && SupportHours.parse(contract.supportHours()).isEmpty()) {
            errors.add(InvalidInputException.field(prefix + "supportHours", SupportHours.EXPECTED));
        }
        if (contract.offers() != null) {
            for (int i = 0; i < contract.offers().size(); i++) {
                if (!isEnum(Contract.Offer.class, contract.offers().get(i))) {
                    errors.add(InvalidInputException.field(prefix + "offers[" + i + "]",
                            "one of PASSWORD_RESET, SECURITY_FEATURES, IDENTITY_MONITORING, SUPPORT_LINE"));
                }
            }
            if (contract.offers().contains(Contract.Offer.SUPPORT_LINE.name()) && blank(contract.supportLine())) {
                errors.add(InvalidInputException.field(prefix + "supportLine",
                        "required with the SUPPORT_LINE offer"));
            }
        }
        if (contract.updateEvery() != null) {
            contract.updateEvery().forEach((severity, every) -> {
                if (!isEnum(Severity.class, severity)) {
                    errors.add(InvalidInputException.field(prefix + "updateEvery." + severity,
                            "keys are CRITICAL, HIGH, MEDIUM, LOW"));
                } else {
                    Duration parsed = duration(every);
                    if (parsed == null || parsed.compareTo(Duration.ofMinutes(15)) < 0
                            || parsed.compareTo(Duration.ofDays(7)) > 0) {
                        errors.add(InvalidInputException.field(prefix + "updateEvery." + severity,
                                "a duration between 15m and 7d, e.g. 4h or PT4H"));
                    }
                }
            });
        }
    }

    Client toClient(String storedSecret) {
        List<Contact> parsedContacts = contacts.stream()
                .map(c -> new Contact(c.id(), c.name().strip(), emptyToNull(c.role()), emptyToNull(c.email()),
                        emptyToNull(c.phone()), c.language(), c.timeZone() == null ? null : zone(c.timeZone()),
                        together(c.channelsBySeverity())))
                .toList();
        return new Client(id, name.strip(), Severity.valueOf(minimumSeverity),
                new Client.Reach(parsedChannels(), Boolean.TRUE.equals(outOfBand), together(channelsBySeverity)),
                new Client.Webhook(emptyToNull(webhookUrl), blank(webhookSecret) ? storedSecret : webhookSecret),
                parsedContacts, timeZone == null ? null : zone(timeZone), parsedContract(), parsedGate());
    }

    private Contract parsedContract() {
        if (contract == null) {
            return Contract.NONE;
        }
        Map<Severity, Duration> every = new EnumMap<>(Severity.class);
        if (contract.updateEvery() != null) {
            contract.updateEvery().forEach((severity, duration) -> every.put(Severity.valueOf(severity),
                    duration(duration)));
        }
        return new Contract(emptyToNull(contract.supportLine()), emptyToNull(contract.supportHours()),
                contract.offers() == null ? List.of()
                        : contract.offers().stream().distinct().map(Contract.Offer::valueOf).toList(), every);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Duration duration(String text) {
        if (text == null) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private List<Channel> parsedChannels() {
        if (channels == null) {
            return List.of();
        }
        return channels.stream().filter(name -> isEnum(Channel.class, name)).map(Channel::valueOf).toList();
    }

    private static boolean absoluteHttpUrl(String url) {
        if (blank(url)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
        if (name == null) {
            return false;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String emptyToNull(String value) {
        return blank(value) ? null : value.strip();
    }
}
