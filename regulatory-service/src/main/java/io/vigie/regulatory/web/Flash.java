package io.vigie.regulatory.web;

import io.vigie.regulatory.RefusedException;
import jakarta.validation.ConstraintViolation;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Set;

/**
 * The outcome of a form, shown once on the page the post redirects to (post/redirect/get: a reload does not post
 * again). Errors name the field, as the API's problem+json does.
 */
final class Flash {

    private Flash() {
    }

    static void notice(RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
    }

    static void refused(RedirectAttributes redirect, RefusedException refused) {
        List<String> errors = refused.errors().isEmpty() ? List.of(refused.getMessage())
                : refused.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
        redirect.addFlashAttribute("errors", errors);
    }

    /** {@code true} when there were violations, now on their way to the page. */
    static <T> boolean invalid(RedirectAttributes redirect, Set<ConstraintViolation<T>> violations) {
        if (violations.isEmpty()) {
            return false;
        }
        redirect.addFlashAttribute("errors", violations.stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList());
        return true;
    }
}
