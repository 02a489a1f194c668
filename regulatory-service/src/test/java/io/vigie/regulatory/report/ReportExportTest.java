package io.vigie.regulatory.report;

import io.vigie.regulatory.obligation.ReportKind;
import io.vigie.regulatory.obligation.Stage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReportExportTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    static ReportExport.Exported report(String value) {
        Draft draft = new Draft(UUID.randomUUID(), "client-a", ReportKind.GDPR_AUTHORITY_NOTIFICATION, "fr",
                "Notification <b>", 1, T, "comms", List.of(
                new Draft.Element("nature", "Nature de la violation", value, true),
                new Draft.Element("approximateRecords", "Nombre approximatif d'enregistrements", null, true)),
                List.of());
        Stage.Submission submission = new Stage.Submission(T, "manager", "CNIL-\"1\"", List.of("approximateRecords"),
                "Week-end & <DPO> absent", true, "text");
        return new ReportExport.Exported(draft.incidentId(), new ReportExport.Party("client-a", "A & B <SA>"),
                "CNIL", ReportKind.GDPR_AUTHORITY_NOTIFICATION, ReportKind.GDPR_AUTHORITY_NOTIFICATION.rule(), T,
                draft, submission);
    }

    @Test
    void shouldEscapeEveryValueInTheHtml() {
        String html = ReportExport.html(report("<script>alert('x')</script> & co"));

        assertThat(html).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("<DPO>")
                .doesNotContain("<SA>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
                .contains("A &amp; B &lt;SA&gt;").contains("CNIL-&quot;1&quot;")
                .contains("Week-end &amp; &lt;DPO&gt; absent")
                .contains("Nature de la violation").contains("Motifs du retard");
    }

    @Test
    void shouldRenderAPdf() {
        byte[] pdf = ReportExport.pdf(report("Fuite de bulletins de paie"));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
