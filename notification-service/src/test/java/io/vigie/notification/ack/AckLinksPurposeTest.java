package io.vigie.notification.ack;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AckLinksPurposeTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final AckLinks links = new AckLinks(new LinkProperties("https://vigie.example",
            "a-secret-for-the-tests-of-32-chars-or-more", Duration.ofDays(7)), Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID notice = UUID.randomUUID();

    @Test
    void shouldSignASurveyLinkForTheSurveyOnlyWithItsOwnValidity() {
        String url = links.url(AckLinks.SURVEY, notice, "jeanne", Duration.ofDays(30));
        String token = url.substring("https://vigie.example/survey?t=".length());
        String ackToken = links.ackUrl(notice, "jeanne").substring("https://vigie.example/ack?t=".length());

        AckLinks.Verification survey = links.verify(AckLinks.SURVEY, token);

        assertThat(url).startsWith("https://vigie.example/survey?t=");
        assertThat(survey.status()).isEqualTo(AckLinks.Status.VALID);
        assertThat(survey.contactId()).isEqualTo("jeanne");
        assertThat(survey.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(links.verify(token).status()).isEqualTo(AckLinks.Status.INVALID);
        assertThat(links.verify(AckLinks.AGREEMENT, token).status()).isEqualTo(AckLinks.Status.INVALID);
        assertThat(links.verify(AckLinks.SURVEY, ackToken).status()).isEqualTo(AckLinks.Status.INVALID);
    }
}
