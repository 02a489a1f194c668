package io.vigie.postmortem.export;

import io.vigie.postmortem.incident.Incident;
import io.vigie.postmortem.incident.TimelineEntry;
import io.vigie.postmortem.report.Analysis;
import io.vigie.postmortem.report.Postmortem;
import io.vigie.postmortem.report.ResponseMetrics;

import java.util.List;
import java.util.Map;

import static io.vigie.postmortem.export.ReportSections.humanize;
import static io.vigie.postmortem.export.ReportSections.orNone;
import static io.vigie.postmortem.export.ReportSections.when;

/**
 * The report as one self-contained, printable XHTML page; the PDF is this page rendered. Every value that came from
 * a person or an event goes through {@link #esc}: the report is opened in browsers by people other than its authors.
 */
final class HtmlReport {

    private static final String STYLE = """
            @page { size: A4; margin: 18mm 15mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; } }
            body { font-family: sans-serif; font-size: 10pt; color: #1d2733; line-height: 1.35; }
            h1 { font-size: 17pt; border-bottom: 2px solid #1f4e79; padding-bottom: 4px; color: #1f4e79; }
            h2 { font-size: 12.5pt; color: #1f4e79; margin-top: 16px; border-bottom: 1px solid #c9d3de; }
            h3 { font-size: 11pt; }
            table { border-collapse: collapse; width: 100%; margin: 4px 0; }
            th, td { border: 1px solid #c9d3de; padding: 3px 5px; text-align: left; vertical-align: top; }
            th { background: #eef2f6; }
            table.facts th { width: 12em; }
            td ul { margin: 0; padding-left: 1.2em; }
            .missed { color: #b00020; font-weight: bold; }
            .met { color: #1b7f3b; }
            """;

    private HtmlReport() {
    }

    static String render(Postmortem p) {
        Incident i = p.incident();
        Analysis a = p.analysis();
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta charset=\"UTF-8\"/><title>").append(esc(ReportSections.title(p))).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>");
        h.append("<h1>").append(esc(ReportSections.title(p))).append("</h1>");
        facts(h, ReportSections.header(p));

        h.append("<h2>Date and time</h2>");
        facts(h, ReportSections.dates(i));

        h.append("<h2>Description</h2>").append(paragraphs(orNone(i.description())));

        h.append("<h2>Timeline</h2><table><thead><tr><th>Time</th><th>Event</th><th>By</th><th>What</th></tr></thead><tbody>");
        for (TimelineEntry e : p.timeline()) {
            h.append("<tr><td>").append(esc(when(e.at()))).append("</td><td>").append(esc(e.kind())).append("</td><td>")
                    .append(esc(e.actor())).append("</td><td>").append(esc(e.description())).append("</td></tr>");
        }
        h.append("</tbody></table>");

        h.append("<h2>Affected</h2>");
        facts(h, ReportSections.affected(i));

        h.append("<h2>Corrective actions</h2>");
        bullets(h, i.correctiveActions());
        if (!i.measuresTaken().isEmpty()) {
            h.append("<p>Measures taken during the response:</p>");
            bullets(h, i.measuresTaken());
        }

        h.append("<h2>Response metrics</h2><table><thead><tr><th>Step</th><th>Took</th><th>Target</th><th>Met</th>")
                .append("</tr></thead><tbody>");
        for (ResponseMetrics.Measure m : p.metrics().measures()) {
            String met = m.met() == null ? "<td>n/a</td>"
                    : m.met() ? "<td class=\"met\">yes</td>" : "<td class=\"missed\">no</td>";
            h.append("<tr><td>time to ").append(esc(m.step())).append("</td><td>")
                    .append(ResponseMetrics.Measure.human(m.actualSeconds())).append("</td><td>")
                    .append(ResponseMetrics.Measure.human(m.targetSeconds())).append("</td>").append(met).append("</tr>");
        }
        h.append("</tbody></table>");

        h.append("<h2>Root cause</h2>").append(paragraphs(orNone(a.rootCause())));
        if (a.rootCauseCategory() != null) {
            h.append("<p>Category: ").append(esc(humanize(a.rootCauseCategory()))).append("</p>");
        }
        h.append("<h3>5 whys</h3>");
        if (a.fiveWhys().isEmpty()) {
            h.append("<p>not stated</p>");
        } else {
            h.append("<ol>");
            a.fiveWhys().forEach(why -> h.append("<li>Why? ").append(esc(why)).append("</li>"));
            h.append("</ol>");
        }

        h.append("<h2>Ishikawa: causes by category</h2>");
        if (a.ishikawa().isEmpty()) {
            h.append("<p>not stated</p>");
        } else {
            h.append("<table><tbody>");
            for (Map.Entry<Analysis.IshikawaCategory, List<String>> e : a.ishikawaInOrder().entrySet()) {
                h.append("<tr><th>").append(esc(humanize(e.getKey()))).append("</th><td>");
                bullets(h, e.getValue());
                h.append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        h.append("<h2>Evaluation of the response</h2><table><thead><tr><th>Stage</th><th>What worked</th>")
                .append("<th>What did not</th></tr></thead><tbody>");
        for (Map.Entry<Analysis.ResponseStage, Analysis.StageEvaluation> e : a.stagesInOrder().entrySet()) {
            h.append("<tr><td>").append(esc(humanize(e.getKey()))).append("</td><td>")
                    .append(esc(orNone(e.getValue().worked()))).append("</td><td>")
                    .append(esc(orNone(e.getValue().didNotWork()))).append("</td></tr>");
        }
        h.append("</tbody></table>");

        h.append("<h2>Client feedback</h2>");
        if (p.clientFeedback().isEmpty()) {
            h.append("<p>No survey answer yet.</p>");
        } else {
            h.append("<table><thead><tr>");
            ReportSections.FEEDBACK_COLUMNS.forEach(column -> h.append("<th>").append(esc(column)).append("</th>"));
            h.append("</tr></thead><tbody>");
            p.clientFeedback().forEach(f -> {
                h.append("<tr>");
                ReportSections.feedback(f).forEach(cell -> h.append("<td>").append(esc(cell)).append("</td>"));
                h.append("</tr>");
            });
            h.append("</tbody></table>");
        }

        h.append("<h2>Lessons learned</h2>");
        bullets(h, a.lessonsLearned());

        h.append("<h2>Action items</h2><table><thead><tr><th>Action</th><th>Kind</th><th>Owner</th><th>Due</th>")
                .append("<th>Status</th></tr></thead><tbody>");
        for (Analysis.ActionItem item : a.actionItems()) {
            h.append("<tr><td>").append(esc(item.description())).append("</td><td>").append(esc(humanize(item.kind())))
                    .append("</td><td>").append(esc(orNone(item.owner()))).append("</td><td>")
                    .append(item.dueDate() == null ? "not set" : item.dueDate()).append("</td><td>")
                    .append(item.completedAt() == null ? "open" : "done " + esc(when(item.completedAt())))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");

        h.append("<h2>Response plan</h2><p>").append(a.responsePlanChangeRequired()
                ? "The response plan must change: " + esc(orNone(a.responsePlanChange()))
                : "No change to the response plan is needed.").append("</p>");
        h.append("</body></html>\n");
        return h.toString();
    }

    /** A client-facing page from the plain-text summary. */
    static String page(String title, String text) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta charset=\"UTF-8\"/><title>").append(esc(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body><h1>").append(esc(title)).append("</h1>")
                .append(paragraphs(text)).append("</body></html>\n");
        return h.toString();
    }

    private static void facts(StringBuilder h, List<Map.Entry<String, String>> rows) {
        h.append("<table class=\"facts\"><tbody>");
        rows.forEach(row -> h.append("<tr><th>").append(esc(row.getKey())).append("</th><td>")
                .append(esc(row.getValue())).append("</td></tr>"));
        h.append("</tbody></table>");
    }

    private static void bullets(StringBuilder h, List<String> items) {
        if (items.isEmpty()) {
            h.append("<p>none</p>");
            return;
        }
        h.append("<ul>");
        items.forEach(item -> h.append("<li>").append(esc(item)).append("</li>"));
        h.append("</ul>");
    }

    private static String paragraphs(String text) {
        StringBuilder h = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            h.append("<p>").append(esc(paragraph).replaceAll("\\R", "<br/>")).append("</p>");
        }
        return h.toString();
    }

    /** XML-safe as well as HTML-safe, because the PDF renderer parses this page as XHTML. */
    static String esc(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int n = 0; n < value.length(); n++) {
            char c = value.charAt(n);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab and newlines are not allowed in XML at all.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
