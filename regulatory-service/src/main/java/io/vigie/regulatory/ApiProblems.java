package io.vigie.regulatory;

import io.vigie.platform.web.problem.InvalidField;
import io.vigie.platform.web.problem.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.metadata.ConstraintDescriptor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Comparator;
import java.util.List;

/**
 * The one refusal this API answers with more than platform/web-security knows: a field validated by {@link OneOf}
 * names the values it takes in its {@code allowed}. Every other refusal is the platform's.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "io.vigie.regulatory")
class ApiProblems {

    @ExceptionHandler
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        return Problems.invalidFields(e.getBindingResult().getFieldErrors().stream().map(ApiProblems::describe)
                .sorted(Comparator.comparing(InvalidField::field)).toList());
    }

    private static InvalidField describe(FieldError error) {
        if (error.contains(ConstraintViolation.class)) {
            ConstraintDescriptor<?> constraint = error.unwrap(ConstraintViolation.class).getConstraintDescriptor();
            if (constraint.getAnnotation() instanceof OneOf oneOf) {
                List<String> allowed = List.of(oneOf.value());
                return new InvalidField(error.getField(), "must be one of " + allowed, allowed);
            }
        }
        return new InvalidField(error.getField(), String.valueOf(error.getDefaultMessage()));
    }
}
