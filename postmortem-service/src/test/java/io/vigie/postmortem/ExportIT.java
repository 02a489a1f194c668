package io.vigie.postmortem;

import io.vigie.postmortem.report.Analysis;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExportIT extends PostmortemITSupport {

    private static final String HOSTILE_LESSON = "Never trust <img src=x onerror=alert(1)> in a lesson";

    private String approvedPostmortem() throws Exception {
        String id = drafted(Scenario.accountCompromise()).get("id").asString();
        Analysis complete = ApprovalIT.complete();
        Analysis analysis = new Analysis(complete.fiveWhys(), complete.rootCause(), complete.rootCauseCategory(),
                complete.ishikawa(), complete.stageEvaluations(), List.of(HOSTILE_LESSON), complete.actionItems(),
                complete.responsePlanChangeRequired(), complete.responsePlanChange());
        assertThat(call("PUT", "/api/postmortems/" + id + "/analysis", ANALYST, write(analysis)).statusCode())
                .isEqualTo(200);
        assertThat(call("POST", "/api/postmortems/" + id + "/approval", MANAGER, null).statusCode()).isEqualTo(200);
        return id;
    }

    @Test
    void shouldExportTheApprovedReportAsAPdfWithTheTimelineMetricsAndAnalysis() throws Exception {
        String id = approvedPostmortem();

        HttpResponse<byte[]> pdf = download("/api/postmortems/" + id + "/report.pdf", VIEWER);

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Post-mortem: Account takeover on the payroll portal", "APPROVED by manager",
                    "Timeline", "NOTICE_ACKNOWLEDGED", "Sessions revoked and password reset forced",
                    "Response metrics", "time to notify 48 min 00 s 15 min 00 s no", "Root cause",
                    "left out of the MFA roll-out", "5 whys", "Ishikawa", "Evaluation of the response",
                    "Lessons learned", "Never trust <img src=x onerror=alert(1)> in a lesson", "Action items",
                    "Enforce MFA on every portal", "Response plan");
        }
    }

    @Test
    void shouldExportMarkdownAndEscapedHtml() throws Exception {
        String id = approvedPostmortem();

        HttpResponse<String> html = call("GET", "/api/postmortems/" + id + "/report.html", VIEWER, null);
        HttpResponse<String> markdown = call("GET", "/api/postmortems/" + id + "/report.md", VIEWER, null);

        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(html.body()).contains("<h2>Timeline</h2>", "<h2>Response metrics</h2>")
                .contains("Never trust &lt;img src=x onerror=alert(1)&gt; in a lesson").doesNotContain("<img");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/markdown"));
        assertThat(markdown.body()).startsWith("# Post-mortem: Account takeover on the payroll portal")
                .contains("## Timeline", "## Response metrics", "## Action items", "| Enforce MFA on every portal |");
    }

    @Test
    void shouldGiveClientsASummaryWithoutInternalDetails() throws Exception {
        String id = approvedPostmortem();

        HttpResponse<String> summary = call("GET", "/api/postmortems/" + id + "/client-summary.md", VIEWER, null);
        HttpResponse<String> page = call("GET", "/api/postmortems/" + id + "/client-summary.html", VIEWER, null);

        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.body()).contains("Account takeover on the payroll portal", "What we did:",
                "Enforce MFA on every portal").doesNotContain("client-a", "client-b", "payroll-web-01", "bob",
                "carol", "alice", "left out of the MFA roll-out", "sid-4711");
        assertThat(page.body()).contains("<h1>Incident summary</h1>").doesNotContain("<img");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownReport() throws Exception {
        HttpResponse<byte[]> response = download("/api/postmortems/" + UUID.randomUUID() + "/report.pdf", VIEWER);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("No post-mortem");
    }
}
