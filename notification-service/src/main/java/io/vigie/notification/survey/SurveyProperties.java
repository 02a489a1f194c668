package io.vigie.notification.survey;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The satisfaction survey of the FOLLOW_UP notice.
 *
 * @param validity how long a contact's survey link works: longer than an acknowledgement link, because a survey is
 *                 answered when the contact finds the time, not while the incident is running
 */
@ConfigurationProperties("vigie.notification.survey")
public record SurveyProperties(@DefaultValue("30d") Duration validity) {
}
