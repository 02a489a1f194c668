package io.vigie.postmortem.report;

/** An approved post-mortem is the record the incident was closed on: it no longer changes. */
public class PostmortemApprovedException extends RuntimeException {

    public PostmortemApprovedException(Postmortem postmortem) {
        super("Post-mortem " + postmortem.id() + " was approved by " + postmortem.approvedBy() + " at "
                + postmortem.approvedAt() + " and can no longer change");
    }
}
