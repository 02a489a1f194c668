package io.vigie.platform.web.problem;

import org.springframework.http.HttpStatus;

/** 404: what the request names is not known here. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        this("Not found", detail);
    }

    public NotFoundException(String title, String detail) {
        super(HttpStatus.NOT_FOUND, title, detail, null);
    }
}
