package io.vigie.postmortem.report;

import io.vigie.postmortem.incident.Incident;

import java.time.ZoneOffset;
import java.util.List;
import java.time.format.DateTimeFormatter;

/**
 * What a client may read: what happened, when, what it meant for them, what was done and what will improve. Left
 * out on purpose: the other clients touched, assets, the internal timeline and actors, the 5 whys and Ishikawa
 * analysis, the stage evaluations, owners and due dates of the actions, the clients' survey answers and the actions
 * they opened.
 */
public final class ClientSummary {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ClientSummary() {
    }

    /** Plain text (light Markdown), also sent as {@code IncidentClosed.clientSummary} for the follow-up notice. */
    public static String of(Postmortem postmortem) {
        Incident incident = postmortem.incident();
        StringBuilder text = new StringBuilder();
        text.append("Incident summary: ").append(orDash(incident.title())).append("\n\n");
        if (incident.summary() != null) {
            text.append("What happened: ").append(incident.summary()).append("\n\n");
        }
        if (incident.detectedAt() != null) {
            text.append("Detected: ").append(WHEN.format(incident.detectedAt())).append("\n");
        }
        if (incident.resolvedAt() != null) {
            text.append("Resolved: ").append(WHEN.format(incident.resolvedAt())).append("\n");
        }
        text.append("\n");
        if (incident.impact() != null) {
            text.append("Impact: ").append(incident.impact()).append("\n\n");
        }
        text.append("Personal or confidential data compromised: ").append(incident.dataCompromised() ? "yes" : "no")
                .append("\n\n");
        if (incident.resolutionSummary() != null) {
            text.append("What we did: ").append(incident.resolutionSummary()).append("\n\n");
        }
        if (!postmortem.analysis().lessonsLearned().isEmpty()) {
            text.append("What we learned:\n");
            postmortem.analysis().lessonsLearned().forEach(lesson -> text.append("- ").append(lesson).append("\n"));
            text.append("\n");
        }
        // Following up one client's survey answer is about that client: not for the others to read.
        List<Analysis.ActionItem> improvements = postmortem.analysis().actionItems().stream()
                .filter(item -> !item.fromClientFeedback()).toList();
        if (!improvements.isEmpty()) {
            text.append("What we are improving:\n");
            improvements.forEach(item -> text.append("- ").append(item.description()).append("\n"));
        }
        return text.toString().strip() + "\n";
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
