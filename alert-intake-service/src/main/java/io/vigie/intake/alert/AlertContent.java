package io.vigie.intake.alert;

import java.util.List;
import java.util.Map;

/** What an alert says: its text, the severity its source gave, its tags and links, and the source's attributes. */
public record AlertContent(
        String title,
        String description,
        String sourceSeverity,
        SeverityHint severityHint,
        List<String> tags,
        List<Link> links,
        Map<String, String> attributes) {

    public AlertContent {
        tags = List.copyOf(tags);
        links = List.copyOf(links);
        attributes = Map.copyOf(attributes);
    }
}
