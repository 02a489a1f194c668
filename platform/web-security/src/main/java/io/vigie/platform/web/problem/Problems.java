package io.vigie.platform.web.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;

import java.util.Arrays;
import java.util.List;

/**
 * The body of every Vigie refusal (platform/web-security's README): {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance}, and {@code errors} when fields are at fault. For a service's own handlers too, so
 * that what it answers has the same shape.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** {@code errors} is left out when there are none. */
    public static ProblemDetail of(HttpStatusCode status, String title, String detail, List<?> errors) {
        ProblemDetail problem = of(status, title, detail);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** A thrown refusal as answered: its keys after the standard ones. */
    public static ProblemDetail of(ProblemException refusal) {
        ProblemDetail problem = of(HttpStatusCode.valueOf(refusal.status()), refusal.title(), refusal.getMessage(), refusal.errorEntries);
        if (refusal.type() != null) {
            problem.setType(refusal.type());
        }
        refusal.properties().forEach(problem::setProperty);
        return problem;
    }

    /** 400 "Invalid request" naming the fields: "Fix these fields: a: …; b: …". */
    public static ProblemDetail invalidFields(List<InvalidField> errors) {
        return of(HttpStatusCode.valueOf(400), "Invalid request", "Fix these fields: " + String.join("; ",
                errors.stream().map(error -> error.field() + ": " + error.message()).toList()), errors);
    }

    /** The names of an enum's constants, as a request spells them. */
    public static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
    }

    public static String mustBeOneOf(List<String> allowed) {
        return "must be one of " + String.join(", ", allowed);
    }

    /** "measures[1]", "clientMessages.fr": where a JSON value is, as the request's fields are named. */
    public static String jsonPath(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
