package io.vigie.platform.web.problem;

import org.springframework.http.HttpStatus;

import java.util.List;

/** 422: well-formed, but it cannot be used as it is (an incomplete report, a template that does not render). */
public class UnprocessableException extends ProblemException {

    public UnprocessableException(String title, String detail) {
        this(title, detail, List.of());
    }

    public UnprocessableException(String title, String detail, List<?> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, title, detail, errors);
    }
}
