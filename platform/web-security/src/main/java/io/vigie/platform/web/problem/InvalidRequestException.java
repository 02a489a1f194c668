package io.vigie.platform.web.problem;

import org.springframework.http.HttpStatus;

import java.util.List;

/** 400: the request itself is wrong; {@code errors} names each field at fault. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String detail, List<?> errors) {
        this("Invalid request", detail, errors);
    }

    public InvalidRequestException(String title, String detail, List<?> errors) {
        super(HttpStatus.BAD_REQUEST, title, detail, errors);
    }

    /** One field at fault: the detail is "field: message". */
    public static InvalidRequestException field(String field, String message) {
        return new InvalidRequestException(field + ": " + message, List.of(new InvalidField(field, message)));
    }
}
