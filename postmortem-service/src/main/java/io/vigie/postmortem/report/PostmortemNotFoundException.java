package io.vigie.postmortem.report;

import io.vigie.platform.web.problem.NotFoundException;

public class PostmortemNotFoundException extends NotFoundException {

    public PostmortemNotFoundException(String what) {
        super("No post-mortem " + what);
    }
}
