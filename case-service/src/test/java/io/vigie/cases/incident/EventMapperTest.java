package io.vigie.cases.incident;

import io.vigie.events.Channel;
import io.vigie.events.ClientNotified;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.NoticeStage;
import io.vigie.events.UpdateKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EventMapperTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    @Test
    void shouldKnowEveryMeasureOfTheContractAndNoOther() {
        assertThat(Arrays.stream(Measure.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(io.vigie.events.Measure.values()).map(Enum::name).toList());
    }

    @Test
    void shouldPublishAClientUpdateAsTextsByLanguageAndMeasureCodes() {
        ClientUpdate update = new ClientUpdate(ClientMessages.of("clientMessages",
                Map.of("en", "Contained.", "fr", "Contenu.")), List.of(Measure.values()),
                List.of("Address 203.0.113.7 blocked"), "Restore the mailbox", NOW.plusSeconds(3600));

        IncidentUpdated event = EventMapper.toUpdated(incident(), NOW, Command.CLIENT_UPDATE, "comms",
                UpdateDetails.of(update.messages().tagged()).withClientUpdate(update));

        assertThat(event.getKind()).isEqualTo(UpdateKind.CLIENT_UPDATE);
        assertThat(event.getNotifyClients()).isTrue();
        assertThat(event.getClientMessages()).containsExactlyInAnyOrderEntriesOf(Map.of("en", "Contained.",
                "fr", "Contenu."));
        assertThat(event.getMessage()).isEqualTo("[fr] Contenu.\n[en] Contained.");
        assertThat(event.getMeasures()).containsExactly(io.vigie.events.Measure.values());
        assertThat(event.getMeasuresTaken()).as("free text in one language reaches no client").isEmpty();
        assertThat(event.getEstimatedResolutionAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(event.getConfirmedClients()).isEmpty();
    }

    @Test
    void shouldPublishADismissedAttributionAsNoClientConfirmedAndNobodyToNotify() {
        IncidentUpdated event = EventMapper.toUpdated(incident(), NOW, Command.DISMISS_ATTRIBUTION, "analyst",
                UpdateDetails.of("No client to notify: SOC lab host"));

        assertThat(event.getKind()).isEqualTo(UpdateKind.CLIENTS_CONFIRMED);
        assertThat(event.getConfirmedClients()).isEmpty();
        assertThat(event.getNotifyClients()).isFalse();
        assertThat(event.getMessage()).isEqualTo("No client to notify: SOC lab host");
    }

    @Test
    void shouldPublishAConfirmedClientForItsFirstNotice() {
        IncidentUpdated event = EventMapper.toUpdated(incident(), NOW, Command.CONFIRM_CLIENT, "analyst",
                UpdateDetails.of("Client initech confirmed").withConfirmedClient("initech"));

        assertThat(event.getKind()).isEqualTo(UpdateKind.CLIENTS_CONFIRMED);
        assertThat(event.getConfirmedClients()).containsExactly("initech");
        assertThat(event.getNotifyClients()).isTrue();
        assertThat(event.getClientMessages()).isEmpty();
    }

    @Test
    void shouldKnowEveryDeliveryOutcomeOfTheContract() {
        assertThat(Arrays.stream(Delivery.Outcome.values()).map(Enum::name)).containsExactlyElementsOf(
                Arrays.stream(io.vigie.events.DeliveryOutcome.values()).map(Enum::name).toList());
    }

    @Test
    void shouldReadAHeldDeliveryWithItsNoticeAndItsTime() {
        UUID noticeId = UUID.randomUUID();
        ClientNotified held = ClientNotified.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(NOW)
                .setProducer("notification-service").setIncidentId(UUID.randomUUID()).setNoticeId(noticeId)
                .setClientId("acme").setContactId("c-1").setStage(NoticeStage.UPDATE).setSequence(2)
                .setChannel(Channel.SMS).setOutcome(DeliveryOutcome.HELD).setRecipient("+33 6** ** ** 12")
                .setLanguage("fr").setHeldUntil(NOW.plusSeconds(900)).build();

        Delivery delivery = EventMapper.toDelivery(held);

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.HELD);
        assertThat(delivery.notice()).isEqualTo(new Notice(noticeId, "acme", "UPDATE", 2));
        assertThat(delivery.heldUntil()).isEqualTo(NOW.plusSeconds(900));
        assertThat(delivery.contactLanguage()).contains(Language.FR);
    }

    @Test
    void shouldPublishAnApprovedNoticeWithItsTextsAndAskForNoNewNotice() {
        UUID noticeId = UUID.randomUUID();
        NoticeApproval approval = new NoticeApproval(noticeId, ClientMessages.of("clientMessages",
                Map.of("fr", "Nous vous rappelons.", "de", " ")));

        IncidentUpdated event = EventMapper.toUpdated(incident(), NOW, Command.APPROVE_NOTICE, "comms",
                UpdateDetails.of("Held UPDATE 2 notice to acme approved").withApproval(approval));

        assertThat(event.getKind()).isEqualTo(UpdateKind.NOTICE_APPROVED);
        assertThat(event.getApprovedNoticeId()).isEqualTo(noticeId);
        assertThat(event.getClientMessages()).containsExactlyEntriesOf(Map.of("fr", "Nous vous rappelons."));
        assertThat(event.getNotifyClients()).as("it releases a notice, it asks for none").isFalse();
        assertThat(event.getActor()).isEqualTo("comms");
        assertThat(EventMapper.toUpdated(incident(), NOW, Command.APPROVE_NOTICE, "comms",
                UpdateDetails.of("approved").withApproval(new NoticeApproval(noticeId, ClientMessages.none())))
                .getClientMessages()).as("approved as it is").isEmpty();
    }

    @Test
    void shouldNotifyNoClientOfANote() {
        IncidentUpdated event = EventMapper.toUpdated(incident(), NOW, Command.NOTE, "analyst",
                UpdateDetails.of("Called the CISO"));

        assertThat(event.getKind()).isEqualTo(UpdateKind.NOTE);
        assertThat(event.getNotifyClients()).isFalse();
    }

    @Test
    void shouldPublishTheResolutionsClientTexts() {
        IncidentCase resolved = incident();
        IncidentResolved event = EventMapper.toResolved(new IncidentCase(resolved.id(), true, CaseStatus.RESOLVED, null,
                new Headline("t", null, Severity.HIGH, 50, "MALWARE"),
                new Scope(false, null, List.of(), List.of(), List.of()), new Audience(true, Attribution.NOT_NEEDED),
                new CaseClocks(NOW, NOW, NOW, null, null, NOW, null, NOW), "Done", false),
                new Resolution("Restored from backup", ClientMessages.of("clientMessages", Map.of("de", "Behoben.")),
                        List.of(), false), "analyst", List.of("acme"),
                List.of(new SlaResult("NOTIFY", NOW, NOW.plusSeconds(5400), Duration.ofHours(1), false),
                        new SlaResult("ACKNOWLEDGE", NOW, null, Duration.ofHours(2), null)));

        assertThat(event.getSummary()).isEqualTo("Restored from backup");
        assertThat(event.getClientMessages()).containsExactlyEntriesOf(Map.of("de", "Behoben."));
        // The targets this service applied travel with the resolution: the post-mortem judges against them.
        assertThat(event.getSlaClocks()).extracting(c -> c.getClock().name(), c -> c.getTargetSeconds(),
                        c -> c.getEndedAt(), c -> c.getMet())
                .containsExactly(tuple("NOTIFY", 3600L, NOW.plusSeconds(5400), false),
                        tuple("ACKNOWLEDGE", 7200L, null, null));
    }

    private static IncidentCase incident() {
        return new IncidentCase(UUID.randomUUID(), true, CaseStatus.IN_PROGRESS, null,
                new Headline("t", null, Severity.HIGH, 50, "MALWARE"),
                new Scope(false, null, List.of(), List.of(), List.of()), new Audience(true, Attribution.NOT_NEEDED),
                new CaseClocks(NOW, NOW, NOW, null, null, null, null, NOW), null, null);
    }
}
