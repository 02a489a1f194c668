package io.vigie.postmortem.report;

public class PostmortemNotFoundException extends RuntimeException {

    public PostmortemNotFoundException(String what) {
        super("No post-mortem " + what);
    }
}
