package io.vigie.cases.incident;

import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.UpdateKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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
    void shouldPublishAConfirmedClientForItsFirstNotice() {
        IncidentUpdated event = EventMapper.toUpdated(incident(), NOW, Command.CONFIRM_CLIENT, "analyst",
                UpdateDetails.of("Client initech confirmed").withConfirmedClient("initech"));

        assertThat(event.getKind()).isEqualTo(UpdateKind.CLIENTS_CONFIRMED);
        assertThat(event.getConfirmedClients()).containsExactly("initech");
        assertThat(event.getNotifyClients()).isTrue();
        assertThat(event.getClientMessages()).isEmpty();
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
        IncidentResolved event = EventMapper.toResolved(new IncidentCase(resolved.id(), true, "t", null,
                Severity.HIGH, 50, "MALWARE", CaseStatus.RESOLVED, null, true, false, null, null, List.of(),
                List.of(), List.of(), NOW, NOW, NOW, null, null, null, NOW, null, "Done", false, NOW),
                new Resolution("Restored from backup", ClientMessages.of("clientMessages", Map.of("de", "Behoben.")),
                        List.of(), false), "analyst", List.of("acme"));

        assertThat(event.getSummary()).isEqualTo("Restored from backup");
        assertThat(event.getClientMessages()).containsExactlyEntriesOf(Map.of("de", "Behoben."));
    }

    private static IncidentCase incident() {
        return new IncidentCase(UUID.randomUUID(), true, "t", null, Severity.HIGH, 50, "MALWARE",
                CaseStatus.IN_PROGRESS, null, true, false, null, null, List.of(), List.of(), List.of(), NOW, NOW, NOW,
                null, null, null, null, null, null, null, NOW);
    }
}
