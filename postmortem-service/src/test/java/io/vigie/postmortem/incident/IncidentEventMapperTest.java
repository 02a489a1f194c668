package io.vigie.postmortem.incident;

import io.vigie.events.Channel;
import io.vigie.events.ClientMessageChannel;
import io.vigie.events.ClientMessageReceived;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.Measure;
import io.vigie.events.NoticeStage;
import io.vigie.events.Severity;
import io.vigie.events.UpdateKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    @Test
    void shouldWordTheClientsSideOfTheConversationOnTheTimeline() {
        UUID question = UUID.randomUUID();
        IncidentUpdated answered = update(UpdateKind.CLIENT_ANSWERED, "Answered the client's question").setClientId("acme")
                .setContactId("jm").setAnsweredMessageId(question)
                .setClientMessages(Map.of("fr", "Aucune donnée n'a quitté votre réseau.")).build();
        IncidentUpdated call = update(UpdateKind.CLIENT_CALL, "Explained the isolation; they agree").setClientId("acme")
                .setAnsweredMessageId(question).build();
        ClientMessageReceived reply = ClientMessageReceived.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setProducer("notification-service").setIncidentId(UUID.randomUUID())
                .setMessageId(question).setClientId("acme").setContactId("jm").setContactName("Jeanne Martin")
                .setLanguage("fr").setVia(ClientMessageChannel.EMAIL_REPLY).setText("Nos données sont-elles sorties ?")
                .setReceivedAt(Instant.parse("2026-12-01T08:00:00Z")).build();

        assertThat(IncidentEventMapper.updateEntry(answered)).satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("CLIENT_ANSWERED");
            assertThat(entry.description()).isEqualTo("Answer to jm of acme: Aucune donnée n'a quitté votre réseau. (fr)");
        });
        assertThat(IncidentEventMapper.updateEntry(call).description())
                .isEqualTo("Phone call with acme, answering their question: Explained the isolation; they agree");
        assertThat(IncidentEventMapper.messageEntry(reply)).isEqualTo(new TimelineEntry(
                Instant.parse("2026-12-01T08:00:00Z"), "CLIENT_REPLY", "Jeanne Martin (acme)",
                "Reply by email from Jeanne Martin of acme: Nos données sont-elles sorties ?"));
    }

    private static IncidentUpdated.Builder update(UpdateKind kind, String message) {
        return IncidentUpdated.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setProducer("case-service").setIncidentId(UUID.randomUUID()).setKind(kind).setActor("alice")
                .setStatus(IncidentStatus.IN_PROGRESS).setSeverity(Severity.HIGH).setMessage(message);
    }

    private static ClientNotified notified(DeliveryOutcome outcome) {
        return ClientNotified.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setProducer("notification-service").setIncidentId(UUID.randomUUID()).setNoticeId(UUID.randomUUID())
                .setClientId("acme").setContactId("jm").setStage(NoticeStage.INITIAL).setSequence(1)
                .setChannel(Channel.EMAIL).setOutcome(outcome).setRecipient("j***@acme.example").build();
    }
}
