package io.vigie.postmortem.export;

import io.vigie.postmortem.incident.ClientFeedback;
import io.vigie.postmortem.incident.Incident;
import io.vigie.postmortem.report.Analysis;
import io.vigie.postmortem.report.ClientSummary;
import io.vigie.postmortem.report.Postmortem;
import io.vigie.postmortem.report.ReportFixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReportExportTest {

    private static final String SCRIPT = "<script>alert('x')</script> & \"quotes\" \u0007 → 漢字 😀";

    private final Postmortem approved = ReportFixtures.postmortem(ReportFixtures.incident(),
            ReportFixtures.analysis("Every portal needs MFA"), Postmortem.Status.APPROVED);

    @Test
    void shouldRenderAValidPdfWhoseTextHasEverySection() throws Exception {
        byte[] pdf = PdfReport.render(HtmlReport.render(approved));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            assertThat(text).contains("Post-mortem: Account takeover on the payroll portal",
                    "Date and time", "Detected 2026-11-20 10:00:00 UTC", "Description", "Timeline",
                    "Incident opened as CRITICAL", "Affected", "client-a, client-b", "Corrective actions",
                    "MFA enforced", "Response metrics", "time to notify 48 min 00 s 15 min 00 s no", "Root cause",
                    "The portal was left out of the MFA roll-out.", "5 whys", "Why? Password reused",
                    "Ishikawa: causes by category", "Portal vendor default settings", "Evaluation of the response",
                    "Containment Quick lock Slow reset", "Lessons learned", "Every portal needs MFA", "Action items",
                    "Enforce MFA everywhere", "bob", "2026-12-15", "Response plan", "Add an MFA check to the playbook",
                    "APPROVED by manager");
        }
    }

    @Test
    void shouldEscapeEveryValueThatCameFromAPersonOrAnEvent() {
        Incident hostile = new Incident(ReportFixtures.incident().id(), SCRIPT, SCRIPT, Incident.Severity.LOW, SCRIPT,
                SCRIPT, SCRIPT, null, null, null, null, null, null, SCRIPT, SCRIPT, SCRIPT, false, false,
                java.util.List.of(SCRIPT), java.util.List.of(SCRIPT), java.util.List.of(SCRIPT),
                java.util.List.of(SCRIPT), java.util.List.of(SCRIPT), java.util.List.of(SCRIPT), null);
        Postmortem p = ReportFixtures.postmortem(hostile, ReportFixtures.analysis(SCRIPT), Postmortem.Status.DRAFT);

        String html = HtmlReport.render(p);
        String markdown = MarkdownReport.render(p);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                + "&quot;quotes&quot;");
        assertThat(markdown).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(PdfReport.render(html)).isNotEmpty();
    }

    @Test
    void shouldLinkOnlyToHttpHttpsAndMailtoInEveryFormat() {
        String lesson = "See [the runbook](https://wiki.example/runbook) and [ask](mailto:soc@example.org); "
                + "not [this](javascript:alert(document.cookie)), [that]( JAVASCRIPT:alert(1) \"t\"), "
                + "![pixel](https://tracker.example/p.gif), [data](data:text/html;base64,PHNjcmlwdD4=) "
                + "or [ref][1]\n[1]: vbscript:msgbox(1)";
        Postmortem p = ReportFixtures.postmortem(ReportFixtures.incident(), ReportFixtures.analysis(lesson),
                Postmortem.Status.DRAFT);

        String markdown = MarkdownReport.render(p);
        String html = HtmlReport.render(p);

        assertThat(markdown).contains("[the runbook](https://wiki.example/runbook)", "[ask](mailto:soc@example.org)")
                .doesNotContain("[this](", "[that](", "![pixel](", "[data](", "[ref][1]", "\n[1]: ")
                .contains("\\[this\\](javascript:alert(document.cookie))", "\\[1\\]: vbscript:msgbox(1)");
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("href=\"javascript", "href=\"data",
                "href=\"vbscript", "src=\"https://tracker");
        assertThat(PdfReport.render(html)).isNotEmpty();
    }

    @Test
    void shouldWriteMarkdownWithTheSameSections() {
        String markdown = MarkdownReport.render(approved);

        assertThat(markdown).startsWith("# Post-mortem: Account takeover on the payroll portal\n")
                .contains("## Timeline\n", "## Response metrics\n", "| time to notify | 48 min 00 s | 15 min 00 s | no |",
                        "## Root cause\n", "1. Why? Password leaked", "- **Technology**: No MFA",
                        "| Containment | Quick lock | Slow reset |", "## Lessons learned\n\n- Every portal needs MFA",
                        "| Enforce MFA everywhere | Preventive | bob | 2026-12-15 | open |",
                        "The response plan must change: Add an MFA check to the playbook");
    }

    @Test
    void shouldShowEachClientsSurveyAnswerEscapedAndKeepItsFollowUpOutOfTheClientSummary() throws Exception {
        Analysis analysis = ReportFixtures.analysis("Every portal needs MFA");
        List<Analysis.ActionItem> items = new ArrayList<>(analysis.actionItems());
        items.add(new Analysis.ActionItem(UUID.randomUUID(), "Follow up the survey answer of Jeanne Martin (client-a)",
                "comms-lead", LocalDate.of(2026, 12, 10), Analysis.ActionKind.OTHER, null, true));
        ClientFeedback feedback = new ClientFeedback(ReportFixtures.incident().id(), "client-a", "jm", "Jeanne Martin",
                "fr", 2, 4, false, SCRIPT, Instant.parse("2026-12-03T09:30:00Z"));
        Analysis withFollowUp = new Analysis(analysis.fiveWhys(), analysis.rootCause(), analysis.rootCauseCategory(),
                analysis.ishikawa(), analysis.stageEvaluations(), analysis.lessonsLearned(), items,
                analysis.responsePlanChangeRequired(), analysis.responsePlanChange());
        Postmortem p = ReportFixtures.postmortem(ReportFixtures.incident(), withFollowUp, Postmortem.Status.APPROVED,
                List.of(feedback));

        String html = HtmlReport.render(p);
        String markdown = MarkdownReport.render(p);

        assertThat(html).contains("<h2>Client feedback</h2>", "<td>Jeanne Martin (client-a)</td>",
                "<td>2026-12-03 09:30:00 UTC</td>", "<td>2/5 (poor)</td>", "<td>4/5 (good)</td>", "<td>no</td>",
                "&lt;script&gt;alert(&#39;x&#39;)").doesNotContain("<script>");
        assertThat(markdown).contains("## Client feedback\n", "| Jeanne Martin (client-a) | 2026-12-03 09:30:00 UTC "
                + "| 2/5 (poor) | 4/5 (good) | no | &lt;script&gt;").doesNotContain("<script>");
        try (PDDocument document = Loader.loadPDF(PdfReport.render(html))) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Client feedback", "Jeanne Martin (client-a)", "2/5 (poor)");
        }
        assertThat(ClientSummary.of(p)).contains("- Enforce MFA everywhere").doesNotContain("Jeanne", "survey");
        assertThat(MarkdownReport.render(ReportFixtures.postmortem(ReportFixtures.incident(), analysis,
                Postmortem.Status.DRAFT))).contains("## Client feedback\n\nNo survey answer yet.");
    }

    @Test
    void shouldKeepInternalDetailsOutOfTheClientSummary() {
        String summary = ClientSummary.of(approved);

        assertThat(summary).contains("Account takeover on the payroll portal", "Detected: 2026-11-20 10:00 UTC",
                "Resolved: 2026-11-20 13:00 UTC", "Impact: Payslips were readable.",
                "What we did: Sessions revoked and MFA enforced.", "- Every portal needs MFA",
                "- Enforce MFA everywhere");
        assertThat(summary).doesNotContain("client-a", "client-b", "payroll-web-01", "alice", "bob", "2026-12-15",
                "left out of the MFA roll-out", "Password reused", "Portal vendor", "Slow reset", "sid-4711");
    }
}
