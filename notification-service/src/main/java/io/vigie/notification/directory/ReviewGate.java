package io.vigie.notification.directory;

import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a client's notices wait for a communications user before they go out: the first rule that matches the
 * notice's severity and category holds it for its {@code hold}; the user may read it, add a text per language and
 * approve it, and an unapproved notice goes out by itself when the hold expires. No rule (the default): no hold.
 */
public record ReviewGate(List<Rule> rules) {

    public static final ReviewGate NONE = new ReviewGate(List.of());

    public ReviewGate {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** One rule: empty severities or categories match every one. */
    public record Rule(List<Severity> severities, List<Category> categories, Duration hold) {

        public Rule {
            severities = severities == null ? List.of() : List.copyOf(severities);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }

        boolean matches(Severity severity, Category category) {
            return (severities.isEmpty() || severities.contains(severity))
                    && (categories.isEmpty() || categories.contains(category));
        }
    }

    public Optional<Duration> holdFor(Severity severity, Category category) {
        return rules.stream().filter(rule -> rule.matches(severity, category)).map(Rule::hold).findFirst();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
