package io.vigie.platform.web.problem;

import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal answered as problem+json by {@link VigieProblemHandler}: its status, title, detail ({@link #getMessage()}),
 * the {@code errors} entries and any key of the service's own ({@code incidentId}, {@code missing}). Throw one of
 * {@link NotFoundException}, {@link ConflictException}, {@link UnprocessableException} or
 * {@link InvalidRequestException}; extend this class for another status, or for a refusal some caller must tell apart
 * from those.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    // Entries of the {field, message, allowed?, line?} shape: InvalidField, or a service's own record of that shape.
    final List<?> errorEntries;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private URI type;

    protected ProblemException(HttpStatus status, String title, String detail, List<?> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errorEntries = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A key of the answer beside {@code errors}, such as {@code incidentId}; in the order they were added. */
    public ProblemException with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    /** A type URI saying what kind of refusal this is, for clients that act on it; {@code about:blank} otherwise. */
    public ProblemException typed(URI type) {
        this.type = type;
        return this;
    }

    /** The HTTP status, as the answer's {@code status} says it. */
    public int status() {
        return status.value();
    }

    public String title() {
        return title;
    }

    public URI type() {
        return type;
    }

    public List<?> errors() {
        return errorEntries;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }
}
