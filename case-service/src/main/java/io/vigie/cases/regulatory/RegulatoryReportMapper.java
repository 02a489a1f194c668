package io.vigie.cases.regulatory;

import io.vigie.events.RegulatoryReportChanged;

import java.util.List;

/** The edge between the Avro contract and the regulatory reports: nothing generated goes further than this class. */
final class RegulatoryReportMapper {

    private RegulatoryReportMapper() {
    }

    static ReportChange toChange(RegulatoryReportChanged event) {
        RegulatoryReport.Submission submission = event.getSubmittedAt() == null ? null
                : new RegulatoryReport.Submission(event.getSubmittedAt(), text(event.getSubmittedBy()),
                text(event.getAuthorityReference()), event.getLate(),
                texts(event.getElementsToFollow()));
        RegulatoryReport report = new RegulatoryReport(event.getClientId(),
                new RegulatoryReport.Requirement(event.getReport().name(), event.getRegime().name(),
                        orElse(text(event.getTitle()), event.getReport().name()),
                        orElse(text(event.getRule()), "(no rule given)"), text(event.getAuthority())),
                new RegulatoryReport.Deadline(event.getAwareAt(), event.getDueAt()), null, submission,
                text(event.getReason()), event.getOccurredAt());
        return new ReportChange(event.getEventId(), event.getOccurredAt(), event.getProducer(), event.getIncidentId(),
                ReportChange.Change.valueOf(event.getChange().name()), report, text(event.getActor()));
    }

    /**
     * What people typed at regulatory-service (a reason, a reference), without control characters but line breaks:
     * PostgreSQL refuses a NUL in text, and a record that cannot be stored would stop the case's timeline. Blank is
     * none.
     */
    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.codePoints().filter(c -> !Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** The elements to follow, each as {@link #text}; a blank one is dropped. */
    private static List<String> texts(List<String> values) {
        return values.stream().map(RegulatoryReportMapper::text).filter(v -> v != null).toList();
    }
}
