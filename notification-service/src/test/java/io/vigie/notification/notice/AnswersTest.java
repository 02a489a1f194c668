package io.vigie.notification.notice;

import io.vigie.notification.notice.Questions.Question;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AnswersTest {

    @Test
    void shouldReplyToTheClientsEmailOnlyByAMessageIdThatCannotBreakAHeader() {
        assertThat(Answers.repliesTo(asked("EMAIL_REPLY", "<CAF1.x-2@mail.client.example>")))
                .isEqualTo("<CAF1.x-2@mail.client.example>");
        assertThat(Answers.repliesTo(asked("EMAIL_REPLY", " CAF1@mail.client.example ")))
                .isEqualTo("<CAF1@mail.client.example>");
        // an attacker writes the Message-ID of the mail they send: nothing of it may add a header or a recipient
        assertThat(Answers.repliesTo(asked("EMAIL_REPLY", "<a@b>\r\nBcc: victim@example.com"))).isNull();
        assertThat(Answers.repliesTo(asked("EMAIL_REPLY", "<a b@c>"))).isNull();
        assertThat(Answers.repliesTo(asked("EMAIL_REPLY", "<no-at-sign>"))).isNull();
        // a question from the page has no email to reply to
        assertThat(Answers.repliesTo(asked("QUESTION_PAGE", "question:1:jm:2"))).isNull();
    }

    private static Question asked(String via, String externalId) {
        return new Question(UUID.randomUUID(), UUID.randomUUID(), "acme", "jm", via, "?", Instant.now(), externalId);
    }
}
