package io.vigie.postmortem.incident;

import io.vigie.events.Channel;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.Measure;
import io.vigie.events.NoticeStage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentEventMapperTest {

    @Test
    void shouldNotCountANoticeHeldForReviewAsDelivered() {
        assertThat(IncidentEventMapper.notice(notified(DeliveryOutcome.HELD)).reachedClient()).isFalse();
        assertThat(IncidentEventMapper.notice(notified(DeliveryOutcome.SENT)).reachedClient()).isTrue();
    }

    @Test
    void shouldListTheMeasureCodesInPlainWordsAfterOlderSentences() {
        assertThat(IncidentEventMapper.measures(List.of("Firewall rule added"),
                List.of(Measure.ACCOUNT_LOCKED, Measure.ATTACK_SOURCES_BLOCKED)))
                .containsExactly("Firewall rule added", "Account locked", "Attack sources blocked");
    }

    private static ClientNotified notified(DeliveryOutcome outcome) {
        return ClientNotified.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setProducer("notification-service").setIncidentId(UUID.randomUUID()).setNoticeId(UUID.randomUUID())
                .setClientId("acme").setContactId("jm").setStage(NoticeStage.INITIAL).setSequence(1)
                .setChannel(Channel.EMAIL).setOutcome(outcome).setRecipient("j***@acme.example").build();
    }
}
