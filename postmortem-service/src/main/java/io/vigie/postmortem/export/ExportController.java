package io.vigie.postmortem.export;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.postmortem.report.ClientSummary;
import io.vigie.postmortem.report.Postmortem;
import io.vigie.postmortem.report.Postmortems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The report and the client summary as files; any Vigie role may export. */
@RestController
// Also under the pages' path, so a signed-in browser session can download what the page links to.
@RequestMapping({"/api/postmortems/{id}", "/postmortems/{id}"})
class ExportController {

    private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final Postmortems postmortems;
    private final MeterRegistry meters;

    ExportController(Postmortems postmortems, MeterRegistry meters) {
        this.postmortems = postmortems;
        this.meters = meters;
    }

    @GetMapping("/report.md")
    ResponseEntity<String> markdown(@PathVariable UUID id) {
        Postmortem p = postmortems.get(id);
        return file(MARKDOWN, "postmortem-" + p.incidentId() + ".md", "md", MarkdownReport.render(p));
    }

    @GetMapping("/report.html")
    ResponseEntity<String> html(@PathVariable UUID id) {
        Postmortem p = postmortems.get(id);
        return file(HTML, "postmortem-" + p.incidentId() + ".html", "html", HtmlReport.render(p));
    }

    @GetMapping("/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        Postmortem p = postmortems.get(id);
        return file(MediaType.APPLICATION_PDF, "postmortem-" + p.incidentId() + ".pdf", "pdf",
                PdfReport.render(HtmlReport.render(p)));
    }

    @GetMapping("/client-summary.md")
    ResponseEntity<String> clientSummary(@PathVariable UUID id) {
        Postmortem p = postmortems.get(id);
        return file(MARKDOWN, "incident-summary-" + p.incidentId() + ".md", "client-md", ClientSummary.of(p));
    }

    @GetMapping("/client-summary.html")
    ResponseEntity<String> clientSummaryHtml(@PathVariable UUID id) {
        Postmortem p = postmortems.get(id);
        return file(HTML, "incident-summary-" + p.incidentId() + ".html", "client-html",
                HtmlReport.page("Incident summary", ClientSummary.of(p)));
    }

    private <T> ResponseEntity<T> file(MediaType type, String name, String format, T body) {
        meters.counter("vigie.postmortem.exports", "format", format).increment();
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }
}
