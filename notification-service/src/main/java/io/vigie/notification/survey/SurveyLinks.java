package io.vigie.notification.survey;

import io.vigie.notification.ack.AckLinks;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Each contact's own survey link, {@code <base>/survey?t=<noticeId>.<contact>.<expiry>.<HMAC>}: signed for the survey
 * only (an acknowledgement link does not open it, nor the reverse), for one FOLLOW_UP notice and one contact, so the
 * answer is theirs and counts once.
 */
@Component
public class SurveyLinks {

    private final AckLinks links;
    private final SurveyProperties properties;

    SurveyLinks(AckLinks links, SurveyProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    public String url(UUID noticeId, String contactId) {
        return links.url(AckLinks.SURVEY, noticeId, contactId, properties.validity());
    }

    AckLinks.Verification verify(String token) {
        return links.verify(AckLinks.SURVEY, token);
    }
}
