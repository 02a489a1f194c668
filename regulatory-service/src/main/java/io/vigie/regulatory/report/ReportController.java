package io.vigie.regulatory.report;

import io.vigie.regulatory.obligation.ReportKind;
import io.vigie.regulatory.obligation.Stage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every role reads; communications and managers write drafts; only managers record a submission (it is the
 * client's filing with an authority). A report is one client's, so its path names the client.
 */
@RestController
@RequestMapping("/api/incidents/{incidentId}")
class ReportController {

    private static final String REPORT = "/clients/{clientId}/reports/{report}";

    private final Reports reports;
    private final Submissions submissions;

    ReportController(Reports reports, Submissions submissions) {
        this.reports = reports;
        this.submissions = submissions;
    }

    record DraftRequest(@NotNull Map<String, String> elements) {
    }

    @GetMapping("/reports")
    List<ReportView> list(@PathVariable UUID incidentId) {
        return reports.list(incidentId);
    }

    @GetMapping(REPORT + "/draft")
    Draft draft(@PathVariable UUID incidentId, @PathVariable String clientId, @PathVariable ReportKind report) {
        return reports.draft(incidentId, clientId, report);
    }

    @GetMapping(REPORT + "/draft/versions")
    List<Draft> versions(@PathVariable UUID incidentId, @PathVariable String clientId,
                         @PathVariable ReportKind report) {
        return reports.versions(incidentId, clientId, report);
    }

    @PutMapping(REPORT + "/draft")
    @PreAuthorize("hasAnyRole('COMMUNICATIONS', 'MANAGER')")
    Draft save(@PathVariable UUID incidentId, @PathVariable String clientId, @PathVariable ReportKind report,
               @Valid @RequestBody DraftRequest request, Principal caller) {
        return reports.save(incidentId, clientId, report, request.elements(), caller.getName());
    }

    @PostMapping(REPORT + "/submission")
    @PreAuthorize("hasRole('MANAGER')")
    Stage submit(@PathVariable UUID incidentId, @PathVariable String clientId, @PathVariable ReportKind report,
                 @RequestBody Submissions.Request request, Principal caller) {
        return submissions.submit(incidentId, clientId, report, request, caller.getName());
    }

    @GetMapping(value = REPORT + "/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
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
