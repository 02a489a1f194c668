package io.vigie.postmortem.report;

import io.vigie.platform.web.problem.UnprocessableException;

import java.util.List;

/** An approval refused 422 with what the post-mortem lacks, in the answer's {@code missing}. */
public class PostmortemIncompleteException extends UnprocessableException {

    private final List<String> missing;

    public PostmortemIncompleteException(List<String> missing) {
        super("Post-mortem incomplete", "Complete these before approving: " + String.join("; ", missing));
        this.missing = List.copyOf(missing);
        with("missing", this.missing);
    }

    public List<String> missing() {
        return missing;
    }
}
