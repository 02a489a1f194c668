package io.vigie.notification;

import io.vigie.platform.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input the API refuses, with every offending field and why; answered as problem+json by platform/web-security, with
 * {@code allowed} added to a field that must be among a closed list.
 */
public class InvalidInputException extends ProblemException {

    private final List<Map<String, String>> errors;

    public InvalidInputException(int status, String detail, List<Map<String, String>> errors) {
        this(status, detail, errors, Map.of());
    }

    private InvalidInputException(int status, String detail, List<Map<String, String>> errors,
                                  Map<String, List<String>> allowed) {
        super(HttpStatus.valueOf(status), switch (status) {
            case 409 -> "Conflict";
            case 422 -> "Unprocessable input";
            default -> "Invalid request";
        }, detail, answered(errors, allowed));
        this.errors = List.copyOf(errors);
    }

    /** 400: the request itself is malformed or incomplete. */
    public static InvalidInputException badRequest(List<Map<String, String>> errors) {
        return new InvalidInputException(400, "The request has invalid fields", errors);
    }

    /** 400, with the values a field accepts, by field, for one that must be among a closed list. */
    public static InvalidInputException badRequest(List<Map<String, String>> errors,
                                                   Map<String, List<String>> allowed) {
        return new InvalidInputException(400, "The request has invalid fields", errors, allowed);
    }

    /** 422: well-formed, but cannot be used (e.g. a template that does not render). */
    public static InvalidInputException unprocessable(String detail, List<Map<String, String>> errors) {
        return new InvalidInputException(422, detail, errors);
    }

    public static Map<String, String> field(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** The errors as given, without the {@code allowed} values the answer adds. */
    @Override
    public List<Map<String, String>> errors() {
        return errors;
    }

    /** The errors as answered: {@code field}, {@code message}, and {@code allowed} where the values are a closed list. */
    private static List<Map<String, Object>> answered(List<Map<String, String>> errors,
                                                      Map<String, List<String>> allowed) {
        return errors.stream().map(error -> {
            Map<String, Object> answered = new LinkedHashMap<>(error);
            List<String> values = allowed.get(error.get("field"));
            if (values != null) {
                answered.put("allowed", values);
            }
            return answered;
        }).toList();
    }
}
