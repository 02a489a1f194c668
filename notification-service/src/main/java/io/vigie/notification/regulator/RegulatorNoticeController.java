package io.vigie.notification.regulator;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.InvalidInputException;
import io.vigie.notification.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GDPR notices of personal-data breaches: prepared on classification, completed by communications, submitted and
 * decided (Article 34) by managers, who answer for them.
 */
@RestController
@RequestMapping("/api/regulator-notices")
@Timed("vigie.notification.api.regulator")
class RegulatorNoticeController {

    private final RegulatorNotices notices;

    RegulatorNoticeController(RegulatorNotices notices) {
        this.notices = notices;
    }

    record DraftBody(String nature, Long approximatePeople, Long approximateRecords, String dpoContact,
                     String likelyConsequences, String measures) {
    }

    record SubmissionBody(String reference) {
    }

    record DecisionBody(Boolean notifyDataSubjects, String reason) {
    }

    @GetMapping
    List<RegulatorNotice> list(@RequestParam(defaultValue = "false") boolean pending) {
        return notices.all(pending);
    }

    @GetMapping("/{incidentId}")
    RegulatorNotice get(@PathVariable UUID incidentId) {
        return notices.find(incidentId).orElseThrow(() -> new NotFoundException(
                "No regulator notice for incident " + incidentId));
    }

    @PutMapping("/{incidentId}")
    @PreAuthorize("hasAnyRole('COMMUNICATIONS', 'MANAGER')")
    RegulatorNotice edit(@PathVariable UUID incidentId, @RequestBody DraftBody draft, Authentication caller) {
        List<Map<String, String>> problems = new ArrayList<>();
        if (draft.approximatePeople() != null && draft.approximatePeople() < 0) {
            problems.add(InvalidInputException.field("approximatePeople", "must not be negative"));
        }
        if (draft.approximateRecords() != null && draft.approximateRecords() < 0) {
            problems.add(InvalidInputException.field("approximateRecords", "must not be negative"));
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.badRequest(problems);
        }
        return notices.edit(incidentId, draft, caller.getName());
    }

    /** Records that the notification was sent to the supervisory authority (through its own portal). */
    @PostMapping("/{incidentId}/submission")
    @PreAuthorize("hasRole('MANAGER')")
    RegulatorNotice submitted(@PathVariable UUID incidentId, @RequestBody SubmissionBody body,
                              Authentication caller) {
        if (body.reference() == null || body.reference().isBlank() || body.reference().length() > 200) {
            throw InvalidInputException.badRequest(List.of(InvalidInputException.field("reference",
                    "the authority's acknowledgement reference, at most 200 characters")));
        }
        return notices.submitted(incidentId, body.reference().strip(), caller.getName());
    }

    /** Article 34: whether the people concerned are told, and why (e.g. the data was encrypted: no high risk). */
    @PostMapping("/{incidentId}/art34-decision")
    @PreAuthorize("hasRole('MANAGER')")
    RegulatorNotice decide(@PathVariable UUID incidentId, @RequestBody DecisionBody body, Authentication caller) {
        List<Map<String, String>> problems = new ArrayList<>();
        if (body.notifyDataSubjects() == null) {
            problems.add(InvalidInputException.field("notifyDataSubjects", "true or false is required"));
        }
        if (body.reason() == null || body.reason().isBlank()) {
            problems.add(InvalidInputException.field("reason", "the decision must say why"));
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.badRequest(problems);
        }
        return notices.art34Decision(incidentId, body.notifyDataSubjects(), body.reason().strip(), caller.getName());
    }
}
