package io.vigie.postmortem.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Who follows up a client's poor survey answer, and how soon.
 *
 * @param owner          the communications lead, owner of the action item a low score or unanswered questions open
 * @param followUpWithin the action item's due date, counted from the answer
 */
@ConfigurationProperties("vigie.postmortem.client-feedback")
public record ClientFeedbackProperties(@DefaultValue("comms-lead") String owner,
                                       @DefaultValue("7d") Duration followUpWithin) {
}
