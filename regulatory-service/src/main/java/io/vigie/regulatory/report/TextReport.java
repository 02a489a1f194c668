package io.vigie.regulatory.report;

import io.vigie.regulatory.obligation.Stage;

/** The report as plain text in its filing language: what is recorded as "the exact text sent". */
final class TextReport {

    private TextReport() {
    }

    static String render(Draft draft, Stage.Submission submission, String authority) {
        Phrases words = Phrases.in(draft.language());
        StringBuilder text = new StringBuilder(draft.title()).append("\n\n");
        line(text, words.get("label.authority"), authority);
        line(text, words.get("label.client"), draft.clientId());
        line(text, words.get("label.incident"), draft.incidentId().toString());
        line(text, words.get("label.submittedAt"), submission.submittedAt().toString());
        text.append('\n');
        for (Draft.Element element : draft.elements()) {
            String value = element.value();
            if (value == null && submission.elementsToFollow().contains(element.key())) {
                value = "(" + words.get("label.toFollow") + ")";
            }
            text.append(element.heading()).append('\n').append(value == null ? "-" : value).append("\n\n");
        }
        if (submission.delayReason() != null) {
            text.append(words.get("label.delayReason")).append('\n').append(submission.delayReason()).append('\n');
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(label).append(": ").append(value == null ? "-" : value).append('\n');
    }
}
