package io.vigie.platform.web.problem;

import org.springframework.http.HttpStatus;

/** 409: the request is well-formed, but the state of what it acts on forbids it. */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        this("Conflict", detail);
    }

    public ConflictException(String title, String detail) {
        super(HttpStatus.CONFLICT, title, detail, null);
    }
}
