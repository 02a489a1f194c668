package io.vigie.notification.template;

import io.vigie.notification.notice.Stage;

import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Everything a template may show besides the notice's content: who it is for, the links it carries, when the client
 * hears next.
 */
public record NoticeContext(UUID incidentId, Stage stage, int sequence, String language, String clientName,
                            String contactName, String ackUrl, String agreementUrl, String surveyUrl,
                            String supportContact, Duration updateEvery, ZoneId zone) {
}
