package io.vigie.notification.notice;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.InvalidInputException;
import io.vigie.notification.wording.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** When the response needs the client's consent, the analysts ask for it in a notice with a signed answer link. */
@RestController
@Timed("vigie.notification.api.agreements")
class AgreementRequestController {

    private final NoticePlanner planner;

    AgreementRequestController(NoticePlanner planner) {
        this.planner = planner;
    }

    /** The question in each language the client's contacts read, e.g. {"fr": "…", "en": "…"}. */
    record AgreementRequest(String clientId, Map<String, String> questions) {
    }

    record AgreementRequested(UUID noticeId) {
    }

    @PostMapping("/api/incidents/{incidentId}/agreement-requests")
    @PreAuthorize("hasAnyRole('ANALYST', 'COMMUNICATIONS', 'MANAGER')")
    @ResponseStatus(HttpStatus.CREATED)
    AgreementRequested request(@PathVariable UUID incidentId, @RequestBody AgreementRequest request) {
        List<Map<String, String>> problems = new ArrayList<>();
        if (request.clientId() == null || request.clientId().isBlank()) {
            problems.add(InvalidInputException.field("clientId", "required"));
        }
        Map<String, String> questions = new LinkedHashMap<>();
        if (request.questions() == null || request.questions().isEmpty()) {
            problems.add(InvalidInputException.field("questions",
                    "required: the question in each language of the client's contacts (" + Languages.described() + ")"));
        } else {
            request.questions().forEach((language, question) -> {
                if (!Languages.supports(language)) {
                    problems.add(InvalidInputException.field("questions." + language,
                            "not a language Vigie writes in (" + Languages.described() + ")"));
                } else if (question == null || question.isBlank() || question.length() > 1000) {
                    problems.add(InvalidInputException.field("questions." + language,
                            "required, at most 1000 characters"));
                } else {
                    questions.put(language, question.strip());
                }
            });
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.badRequest(problems);
        }
        return new AgreementRequested(planner.requestAgreement(incidentId, request.clientId(), questions));
    }
}
