package io.vigie.postmortem.export;

import io.vigie.postmortem.incident.Incident;
import io.vigie.postmortem.incident.TimelineEntry;
import io.vigie.postmortem.report.Analysis;
import io.vigie.postmortem.report.Postmortem;
import io.vigie.postmortem.report.ResponseMetrics;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.vigie.postmortem.export.ReportSections.humanize;
import static io.vigie.postmortem.export.ReportSections.orNone;
import static io.vigie.postmortem.export.ReportSections.when;

/** The report as Markdown, for a wiki or a ticket. */
final class MarkdownReport {

    /** An inline link or image: {@code [label](target)}, {@code ![alt](target "title")}. */
    private static final Pattern LINK = Pattern.compile("(!)?\\[([^\\[\\]\\n]*)\\]\\(\\s*([^)\\s]*)[^)\\n]*\\)");
    private static final Pattern SAFE_TARGET = Pattern.compile("(?i)(https?://|mailto:)[^\\s]+");

    private MarkdownReport() {
    }

    static String render(Postmortem p) {
        Incident i = p.incident();
        Analysis a = p.analysis();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(text(ReportSections.title(p))).append("\n\n");
        pairs(md, ReportSections.header(p));

        md.append("\n## Date and time\n\n");
        pairs(md, ReportSections.dates(i));

        md.append("\n## Description\n\n").append(text(orNone(i.description()))).append("\n");

        md.append("\n## Timeline\n\n| Time | Event | By | What |\n|---|---|---|---|\n");
        for (TimelineEntry e : p.timeline()) {
            md.append("| ").append(when(e.at())).append(" | ").append(cell(e.kind())).append(" | ")
                    .append(cell(e.actor())).append(" | ").append(cell(e.description())).append(" |\n");
        }

        md.append("\n## Affected\n\n");
        pairs(md, ReportSections.affected(i));

        md.append("\n## Corrective actions\n\n");
        bullets(md, i.correctiveActions());
        if (!i.measuresTaken().isEmpty()) {
            md.append("\nMeasures taken during the response:\n\n");
            bullets(md, i.measuresTaken());
        }

        md.append("\n## Response metrics\n\n| Step | Took | Target | Met |\n|---|---|---|---|\n");
        for (ResponseMetrics.Measure m : p.metrics().measures()) {
            md.append("| time to ").append(m.step()).append(" | ").append(ResponseMetrics.Measure.human(m.actualSeconds()))
                    .append(" | ").append(ResponseMetrics.Measure.human(m.targetSeconds())).append(" | ")
                    .append(m.met() == null ? "n/a" : m.met() ? "yes" : "no").append(" |\n");
        }

        md.append("\n## Root cause\n\n").append(text(orNone(a.rootCause()))).append("\n");
        if (a.rootCauseCategory() != null) {
            md.append("\nCategory: ").append(humanize(a.rootCauseCategory())).append("\n");
        }
        md.append("\n### 5 whys\n\n");
        for (int n = 0; n < a.fiveWhys().size(); n++) {
            md.append(n + 1).append(". Why? ").append(text(a.fiveWhys().get(n))).append("\n");
        }
        if (a.fiveWhys().isEmpty()) {
            md.append("not stated\n");
        }

        md.append("\n## Ishikawa: causes by category\n\n");
        for (Map.Entry<Analysis.IshikawaCategory, List<String>> e : a.ishikawaInOrder().entrySet()) {
            md.append("- **").append(humanize(e.getKey())).append("**: ")
                    .append(text(String.join("; ", e.getValue()))).append("\n");
        }
        if (a.ishikawa().isEmpty()) {
            md.append("not stated\n");
        }

        md.append("\n## Evaluation of the response\n\n| Stage | What worked | What did not |\n|---|---|---|\n");
        for (Map.Entry<Analysis.ResponseStage, Analysis.StageEvaluation> e : a.stagesInOrder().entrySet()) {
            md.append("| ").append(humanize(e.getKey())).append(" | ").append(cell(orNone(e.getValue().worked())))
                    .append(" | ").append(cell(orNone(e.getValue().didNotWork()))).append(" |\n");
        }

        md.append("\n## Client feedback\n\n");
        if (p.clientFeedback().isEmpty()) {
            md.append("No survey answer yet.\n");
        } else {
            md.append("| ").append(String.join(" | ", ReportSections.FEEDBACK_COLUMNS)).append(" |\n|")
                    .append("---|".repeat(ReportSections.FEEDBACK_COLUMNS.size())).append("\n");
            p.clientFeedback().forEach(f -> md.append("| ")
                    .append(String.join(" | ", ReportSections.feedback(f).stream().map(MarkdownReport::cell).toList()))
                    .append(" |\n"));
        }

        md.append("\n## Lessons learned\n\n");
        bullets(md, a.lessonsLearned());

        md.append("\n## Action items\n\n| Action | Kind | Owner | Due | Status |\n|---|---|---|---|---|\n");
        for (Analysis.ActionItem item : a.actionItems()) {
            md.append("| ").append(cell(item.description())).append(" | ").append(humanize(item.kind())).append(" | ")
                    .append(cell(orNone(item.owner()))).append(" | ")
                    .append(item.dueDate() == null ? "not set" : item.dueDate()).append(" | ")
                    .append(item.completedAt() == null ? "open" : "done " + when(item.completedAt())).append(" |\n");
        }

        md.append("\n## Response plan\n\n").append(a.responsePlanChangeRequired()
                ? "The response plan must change: " + text(orNone(a.responsePlanChange()))
                : "No change to the response plan is needed.").append("\n");
        return md.toString();
    }

    private static void pairs(StringBuilder md, List<Map.Entry<String, String>> rows) {
        rows.forEach(row -> md.append("- **").append(row.getKey()).append("**: ").append(text(row.getValue())).append("\n"));
    }

    private static void bullets(StringBuilder md, List<String> items) {
        if (items.isEmpty()) {
            md.append("none\n");
        }
        items.forEach(item -> md.append("- ").append(text(item)).append("\n"));
    }

    /**
     * A value from a person or an event, as Markdown text. Markdown passes raw HTML through to whatever renders it, so
     * the value is HTML escaped; and links kept only when they lead to http,
     * https or mailto. Every other bracket is escaped, so no {@code [x](javascript:…)}, {@code ![x](data:…)} or
     * reference definition {@code [1]: vbscript:…} becomes a link in the wiki or ticket the report is pasted into.
     */
    static String text(String value) {
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        StringBuilder out = new StringBuilder(escaped.length() + 16);
        Matcher link = LINK.matcher(escaped);
        int from = 0;
        while (link.find()) {
            out.append(brackets(escaped.substring(from, link.start())));
            boolean image = link.group(1) != null;
            if (!image && SAFE_TARGET.matcher(link.group(3)).lookingAt()) {
                out.append('[').append(link.group(2)).append("](").append(link.group(3)).append(')');
            } else {
                out.append(brackets(link.group()));
            }
            from = link.end();
        }
        return out.append(brackets(escaped.substring(from))).toString();
    }

    private static String brackets(String text) {
        return text.replace("[", "\\[").replace("]", "\\]");
    }

    private static String cell(String value) {
        return text(value).replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}
