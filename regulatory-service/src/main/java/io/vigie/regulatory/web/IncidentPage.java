package io.vigie.regulatory.web;

import io.vigie.regulatory.obligation.Decisions;
import io.vigie.regulatory.obligation.RegimeDecision;
import io.vigie.regulatory.obligation.ReportKind;
import io.vigie.regulatory.report.ReportExport;
import io.vigie.regulatory.report.ReportView;
import io.vigie.regulatory.report.Reports;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /regulatory/incidents/{incidentId}}: every client's decisions and reports for one incident, and the exports
 * (under the page's path, so the browser's session serves them; the API's copies take Basic or a JWT).
 */
@Controller
class IncidentPage {

    static final String REPORT = "/regulatory/incidents/{incidentId}/clients/{clientId}/reports/{report}";

    private final Reports reports;
    private final Decisions decisions;
    private final Clock clock;

    IncidentPage(Reports reports, Decisions decisions, Clock clock) {
        this.reports = reports;
        this.decisions = decisions;
        this.clock = clock;
    }

    @GetMapping("/regulatory/incidents/{incidentId}")
    String incident(@PathVariable UUID incidentId, Model model) {
        Instant now = clock.instant();
        List<ReportView> views = reports.list(incidentId);
        List<RegimeDecision> decided = decisions.ofIncident(incidentId);
        Set<String> clients = new LinkedHashSet<>();
        decided.forEach(d -> clients.add(d.clientId()));
        views.forEach(r -> clients.add(r.clientId()));
        List<IncidentView.ClientSection> sections = clients.stream().sorted().map(clientId ->
                new IncidentView.ClientSection(clientId, decisions.awareAt(incidentId, clientId).orElse(null),
                        decided.stream().filter(d -> d.clientId().equals(clientId)).map(IncidentView.DecisionRow::of)
                                .toList(),
                        views.stream().filter(r -> r.clientId().equals(clientId)).map(r -> IncidentView.ReportPanel.of(
                                r, DueBadge.of(r.state(), r.dueAt(), now),
                                reports.draft(incidentId, clientId, r.report()))).toList())).toList();
        model.addAttribute("incidentId", incidentId);
        model.addAttribute("view", new IncidentView(sections));
        return "regulatory/incident";
    }

    @GetMapping(value = REPORT + "/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ReportExport.Exported exportJson(@PathVariable UUID incidentId, @PathVariable String clientId,
                                     @PathVariable ReportKind report) {
        return reports.export(incidentId, clientId, report);
    }

    @GetMapping(REPORT + "/export.pdf")
    ResponseEntity<byte[]> exportPdf(@PathVariable UUID incidentId, @PathVariable String clientId,
                                     @PathVariable ReportKind report) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + report + "-" + incidentId + ".pdf\"")
                .body(ReportExport.pdf(reports.export(incidentId, clientId, report)));
    }
}
