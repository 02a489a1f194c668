package io.vigie.notification.notice;

import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.directory.RecipientMask;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.internal.NoticeWriter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeRulesTest {

    private final Contact both = new Contact("a", "A", null, "a@x.example", "+33612345678", "fr");
    private final Contact emailOnly = new Contact("b", "B", null, "b@x.example", null, "en");

    @Test
    void shouldFollowTheClientsOrderOfChannelsKeepingThoseThatReachTheContact() {
        Client client = client(List.of(Channel.SMS, Channel.WEBHOOK, Channel.EMAIL), false);

        assertThat(NoticeWriter.chain(client, both, false)).containsExactly(Channel.SMS, Channel.EMAIL);
        assertThat(NoticeWriter.chain(client, emailOnly, false)).containsExactly(Channel.EMAIL);
    }

    @Test
    void shouldLeaveEmailOutOutOfBandAndFallBackToSms() {
        Client client = client(List.of(Channel.EMAIL), false);

        assertThat(NoticeWriter.chain(client, both, true)).containsExactly(Channel.SMS);
        assertThat(NoticeWriter.chain(client, emailOnly, true)).isEmpty();
        assertThat(NoticeWriter.chain(client(List.of(Channel.EMAIL, Channel.PHONE, Channel.SMS), false), both, true))
                .containsExactly(Channel.PHONE, Channel.SMS);
    }

    @Test
    void shouldTellAClientFromItsMinimumSeverityUp() {
        Client high = new Client("c", "C", Severity.HIGH, List.of(Channel.EMAIL), false, null, null, List.of());

        assertThat(high.wantsToHearAbout(Severity.CRITICAL)).isTrue();
        assertThat(high.wantsToHearAbout(Severity.HIGH)).isTrue();
        assertThat(high.wantsToHearAbout(Severity.MEDIUM)).isFalse();
    }

    @Test
    void shouldDeriveOneNoticeIdPerIncidentClientStageAndSequence() {
        UUID incident = UUID.randomUUID();

        assertThat(NoticeWriter.noticeId(incident, "c", Stage.UPDATE, 2))
                .isEqualTo(NoticeWriter.noticeId(incident, "c", Stage.UPDATE, 2))
                .isNotEqualTo(NoticeWriter.noticeId(incident, "c", Stage.UPDATE, 3))
                .isNotEqualTo(NoticeWriter.noticeId(incident, "d", Stage.UPDATE, 2));
    }

    @Test
    void shouldMaskRecipients() {
        assertThat(RecipientMask.mask(Channel.EMAIL, "jeanne@client.example")).isEqualTo("j***@client.example");
        assertThat(RecipientMask.mask(Channel.SMS, "+33 6 12 34 56 78")).isEqualTo("+33*******78");
        assertThat(RecipientMask.mask(Channel.WEBHOOK, "https://tickets.example/hook?token=s3cret"))
                .isEqualTo("https://tickets.example/***");
    }

    private static Client client(List<Channel> channels, boolean outOfBand) {
        return new Client("c", "C", Severity.LOW, channels, outOfBand, "https://t.example", "s", List.of());
    }
}
