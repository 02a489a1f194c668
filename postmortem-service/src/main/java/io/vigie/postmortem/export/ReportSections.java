package io.vigie.postmortem.export;

import io.vigie.postmortem.incident.ClientFeedback;
import io.vigie.postmortem.incident.Incident;
import io.vigie.postmortem.report.Postmortem;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the Markdown and the HTML report both say, so the formats cannot drift apart. */
final class ReportSections {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ReportSections() {
    }

    static String when(Instant instant) {
        return instant == null ? "n/a" : WHEN.format(instant);
    }

    static String title(Postmortem p) {
        return "Post-mortem: " + (p.incident().title() == null ? "incident " + p.incidentId() : p.incident().title());
    }

    /** Label and value pairs of the heading block. */
    static List<Map.Entry<String, String>> header(Postmortem p) {
        Incident i = p.incident();
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry("Incident", p.incidentId().toString()));
        rows.add(Map.entry("Status", p.approved()
                ? "APPROVED by " + p.approvedBy() + " on " + when(p.approvedAt()) : "DRAFT"));
        rows.add(Map.entry("Severity", String.valueOf(i.severity())));
        rows.add(Map.entry("Category", String.valueOf(i.category())));
        rows.add(Map.entry("Source", (i.source() == null ? "n/a" : i.source())
                + (i.sourceReference() == null ? "" : " (" + i.sourceReference() + ")")));
        return rows;
    }

    static List<Map.Entry<String, String>> dates(Incident i) {
        return List.of(
                Map.entry("Detected", when(i.detectedAt())),
                Map.entry("Alert received", when(i.alertReceivedAt())),
                Map.entry("Classified", when(i.classifiedAt())),
                Map.entry("First client notice", when(i.firstNoticeAt())),
                Map.entry("First acknowledgement", when(i.firstAcknowledgedAt())),
                Map.entry("Resolved", when(i.resolvedAt()) + (i.resolvedBy() == null ? "" : " by " + i.resolvedBy())));
    }

    static List<Map.Entry<String, String>> affected(Incident i) {
        return List.of(
                Map.entry("Clients", list(i.affectedClients())),
                Map.entry("Services", list(i.affectedServices())),
                Map.entry("Assets", list(i.affectedAssets())),
                Map.entry("Data", list(i.dataCategories())),
                Map.entry("Personal data involved", i.personalDataInvolved() ? "yes" : "no"),
                Map.entry("Data compromised", i.dataCompromised() ? "yes" : "no"));
    }

    static final List<String> FEEDBACK_COLUMNS = List.of("Contact", "Answered", "Handling", "Communication",
            "All questions answered", "Comment");

    /**
     * One client contact's survey answer as a row of {@link #FEEDBACK_COLUMNS}: ratings in numbers and words, the
     * comment as written (each format escapes it).
     */
    static List<String> feedback(ClientFeedback f) {
        return List.of(f.who(), when(f.answeredAt()), f.handling(), f.communication(),
                f.questionsAnswered() ? "yes" : "no", f.comment() == null ? "none" : f.comment());
    }

    static String list(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }

    static String orNone(String value) {
        return value == null || value.isBlank() ? "not stated" : value;
    }

    static String humanize(Enum<?> value) {
        String name = value.name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
