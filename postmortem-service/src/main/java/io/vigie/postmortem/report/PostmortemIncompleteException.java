package io.vigie.postmortem.report;

import java.util.List;

public class PostmortemIncompleteException extends RuntimeException {

    private final List<String> missing;

    public PostmortemIncompleteException(List<String> missing) {
        super("The post-mortem is not complete: " + String.join("; ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
