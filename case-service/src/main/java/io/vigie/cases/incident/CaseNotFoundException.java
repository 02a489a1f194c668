package io.vigie.cases.incident;

import io.vigie.platform.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.UUID;

/**
 * No such incident: 404 problem+json with its {@code incidentId}. Not a platform {@code NotFoundException}, because the
 * dashboard tells the two apart: a missing case gets its not-found page, a missing item of a case a message on the
 * case's page.
 */
public class CaseNotFoundException extends ProblemException {

    CaseNotFoundException(UUID incidentId) {
        super(HttpStatus.NOT_FOUND, "Unknown incident", "No incident " + incidentId, null);
        with("incidentId", incidentId);
    }
}
