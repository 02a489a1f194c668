package io.vigie.regulatory.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.vigie.regulatory.obligation.ReportKind;
import io.vigie.regulatory.obligation.Stage;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/** A report as structured data for an authority's portal or API, and as a PDF for one that takes documents. */
public final class ReportExport {

    /** The structured export: the draft (or what was submitted) with its addressing and deadline. */
    public record Exported(UUID incidentId, Party client, String authority, ReportKind report, String rule, Instant dueAt,
                    Draft draft, Stage.Submission submission) {
    }

    public record Party(String id, String name) {
    }

    private ReportExport() {
    }

    /**
     * XHTML for openhtmltopdf. Every value is escaped: drafts carry the SOC's and the analysts' free text, and
     * titles from alerts an attacker may have written.
     */
    static String html(Exported report) {
        Phrases words = Phrases.in(report.draft().language());
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(esc(words.language()))
                .append("\"><head><meta charset=\"UTF-8\"/><title>").append(esc(report.draft().title()))
                .append("</title><style>body{font-family:sans-serif;font-size:11pt} h2{font-size:12pt;margin-bottom:2pt}"
                        + " p{white-space:pre-wrap;margin-top:0}</style></head><body>")
                .append("<h1>").append(esc(report.draft().title())).append("</h1><table>");
        row(html, words.get("label.authority"), report.authority());
        row(html, words.get("label.client"), report.client().name());
        row(html, words.get("label.incident"), report.incidentId().toString());
        row(html, words.get("label.dueAt"), report.dueAt() == null ? null : report.dueAt().toString());
        if (report.submission() != null) {
            row(html, words.get("label.submittedAt"), report.submission().submittedAt().toString());
            row(html, words.get("label.reference"), report.submission().authorityReference());
        }
        html.append("</table>");
        for (Draft.Element element : report.draft().elements()) {
            html.append("<h2>").append(esc(element.heading())).append("</h2><p>")
                    .append(esc(element.value() == null ? "-" : element.value())).append("</p>");
        }
        if (report.submission() != null && report.submission().delayReason() != null) {
            html.append("<h2>").append(esc(words.get("label.delayReason"))).append("</h2><p>")
                    .append(esc(report.submission().delayReason())).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    public static byte[] pdf(Exported report) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html(report), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th align=\"left\">").append(esc(label)).append("</th><td>")
                .append(esc(value == null ? "-" : value)).append("</td></tr>");
    }

    /** HTML escaping that also suits XHTML: HtmlUtils escapes &amp; &lt; &gt; &quot; and &#39;. */
    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
