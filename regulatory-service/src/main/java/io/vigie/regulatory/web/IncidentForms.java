package io.vigie.regulatory.web;

import io.vigie.regulatory.RefusedException;
import io.vigie.regulatory.obligation.DecisionRequests;
import io.vigie.regulatory.obligation.Decisions;
import io.vigie.regulatory.obligation.ReportKind;
import io.vigie.regulatory.regime.Regime;
import io.vigie.regulatory.report.Reports;
import io.vigie.regulatory.report.Submissions;
import jakarta.validation.Validator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.Principal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The incident page's forms. Each calls the service the API calls, with the request the API validates, and shows a
 * refusal on the page rather than as an error page. Roles are the API's, checked here again.
 */
@Controller
class IncidentForms {

    private static final String CLIENT = "/regulatory/incidents/{incidentId}/clients/{clientId}";

    private final Decisions decisions;
    private final Reports reports;
    private final Submissions submissions;
    private final Validator validator;

    IncidentForms(Decisions decisions, Reports reports, Submissions submissions, Validator validator) {
        this.decisions = decisions;
        this.reports = reports;
        this.submissions = submissions;
        this.validator = validator;
    }

    @PostMapping(CLIENT + "/gdpr-decision")
    @PreAuthorize("hasRole('MANAGER')")
    String gdprDecision(@PathVariable UUID incidentId, @PathVariable String clientId,
                        @RequestParam(required = false) Boolean notifyAuthority,
                        @RequestParam(defaultValue = "false") boolean highRiskToDataSubjects,
                        @RequestParam(required = false) String reason, Principal caller, RedirectAttributes redirect) {
        DecisionRequests.Gdpr request = new DecisionRequests.Gdpr(notifyAuthority, highRiskToDataSubjects, reason);
        if (!Flash.invalid(redirect, validator.validate(request))) {
            run(redirect, "GDPR decision recorded for " + clientId + ".", () -> decisions.decideGdpr(incidentId,
                    clientId, request.notifyAuthority(), request.highRiskToDataSubjects(), request.reason(),
                    caller.getName()));
        }
        return back(incidentId, clientId);
    }

    @PostMapping(CLIENT + "/regimes/{regime}/decision")
    @PreAuthorize("hasRole('MANAGER')")
    String regimeDecision(@PathVariable UUID incidentId, @PathVariable String clientId, @PathVariable Regime regime,
                          @RequestParam(required = false) Boolean applies,
                          @RequestParam(required = false) String reason, Principal caller,
                          RedirectAttributes redirect) {
        DecisionRequests.Applicability request = new DecisionRequests.Applicability(applies, reason);
        if (!Flash.invalid(redirect, validator.validate(request))) {
            run(redirect, regime + (request.applies() ? " confirmed" : " overridden") + " for " + clientId + ".",
                    () -> decisions.decideRegime(incidentId, clientId, regime, request.applies(), request.reason(),
                            caller.getName()));
        }
        return back(incidentId, clientId);
    }

    /** The page's datetime field has no zone; the page says it is UTC, as every time it shows. */
    @PostMapping(CLIENT + "/awareness")
    @PreAuthorize("hasRole('MANAGER')")
    String awareness(@PathVariable UUID incidentId, @PathVariable String clientId,
                     @RequestParam(required = false) String awareAt, @RequestParam(required = false) String reason,
                     Principal caller, RedirectAttributes redirect) {
        DecisionRequests.Awareness request;
        try {
            request = new DecisionRequests.Awareness(awareAt == null || awareAt.isBlank() ? null
                    : LocalDateTime.parse(awareAt).toInstant(ZoneOffset.UTC), reason);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("errors", List.of("awareAt: '" + awareAt + "' is not a date and time (UTC)"));
            return back(incidentId, clientId);
        }
        if (!Flash.invalid(redirect, validator.validate(request))) {
            run(redirect, "Awareness moved for " + clientId + ": open deadlines follow.", () ->
                    decisions.changeAwareness(incidentId, clientId, request.awareAt(), request.reason(),
                            caller.getName()));
        }
        return back(incidentId, clientId);
    }

    /** Every element of the form, as {@code element.<key>}: saved over the current draft as a new version. */
    @PostMapping(IncidentPage.REPORT + "/draft")
    @PreAuthorize("hasAnyRole('COMMUNICATIONS', 'MANAGER')")
    String draft(@PathVariable UUID incidentId, @PathVariable String clientId, @PathVariable ReportKind report,
                 @RequestParam MultiValueMap<String, String> form, Principal caller, RedirectAttributes redirect) {
        Map<String, String> elements = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("element.") && !values.isEmpty()) {
                elements.put(name.substring("element.".length()), values.get(0));
            }
        });
        run(redirect, "Draft saved.", () -> reports.save(incidentId, clientId, report, elements, caller.getName()));
        return back(incidentId, clientId, report);
    }

    @PostMapping(IncidentPage.REPORT + "/submission")
    @PreAuthorize("hasRole('MANAGER')")
    String submission(@PathVariable UUID incidentId, @PathVariable String clientId, @PathVariable ReportKind report,
                      @RequestParam(required = false) String authorityReference,
                      @RequestParam(required = false) List<String> elementsToFollow,
                      @RequestParam(required = false) String delayReason, Principal caller,
                      RedirectAttributes redirect) {
        Submissions.Request request = new Submissions.Request(blankToNull(authorityReference), elementsToFollow,
                blankToNull(delayReason));
        run(redirect, "Submission recorded: the clock is stopped.", () -> submissions.submit(incidentId, clientId,
                report, request, caller.getName()));
        return back(incidentId, clientId, report);
    }

    private static void run(RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            Flash.notice(redirect, notice);
        } catch (RefusedException refused) {
            Flash.refused(redirect, refused);
        }
    }

    private static String back(UUID incidentId, String clientId) {
        return back(incidentId, clientId, null);
    }

    /** Back to the incident page, at the client's (or the report's) section. */
    private static String back(UUID incidentId, String clientId, ReportKind report) {
        return "redirect:" + UriComponentsBuilder.fromPath("/regulatory/incidents/{incidentId}")
                .fragment(report == null ? clientId : clientId + "-" + report).buildAndExpand(incidentId).encode()
                .toUriString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
