package io.vigie.triage.alert;

import java.util.List;
import java.util.Map;

/** What an alert says: its text, the severity its source gave, its tags and the source's own attributes. */
public record AlertContent(
        String title,
        String description,
        String sourceSeverity,
        Severity severityHint,
        List<String> tags,
        Map<String, String> attributes) {

    public AlertContent {
        tags = List.copyOf(tags);
        attributes = Map.copyOf(attributes);
    }

    /** The source's attribute so named; null when it sent none. */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
