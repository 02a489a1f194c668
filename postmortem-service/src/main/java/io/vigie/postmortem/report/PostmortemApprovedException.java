package io.vigie.postmortem.report;

import io.vigie.platform.web.problem.ConflictException;

/** An approved post-mortem is the record the incident was closed on: it no longer changes. */
public class PostmortemApprovedException extends ConflictException {

    public PostmortemApprovedException(Postmortem postmortem) {
        super("Post-mortem approved", "Post-mortem " + postmortem.id() + " was approved by " + postmortem.approvedBy()
                + " at " + postmortem.approvedAt() + " and can no longer change");
    }
}
