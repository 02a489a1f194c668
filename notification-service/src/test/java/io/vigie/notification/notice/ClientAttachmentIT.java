package io.vigie.notification.notice;

import io.vigie.events.ClientNotified;
import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.NoticeStage;
import io.vigie.events.Topics;
import io.vigie.events.UpdateKind;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.incident.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "An analyst's day without friction", 1: a client an analyst attaches to an incident is told as a newly
 * affected client is told now, once; one detached is told nothing more.
 */
class ClientAttachmentIT extends NotificationIntegrationTest {

    @Test
    void shouldTellAnAttachedClientOnceInItsContactsLanguagesAndADetachedOneNothingMore() throws Exception {
        // given an incident told to the client the inventory named
        String named = unique("named");
        client(named, Severity.LOW, List.of(Channel.EMAIL), false, contact(named, "nora", "en", false));
        String attached = unique("attached");
        client(attached, Severity.LOW, List.of(Channel.EMAIL), false, contact(attached, "amelie", "fr", false),
                contact(attached, "arno", "de", false));
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.MALWARE, named).build());
        awaitMails("nora@" + named + ".test", 1);

        // when an analyst attaches another client (the event delivered twice), then detaches the first one
        IncidentUpdated attach = update(incidentId, UpdateKind.CLIENTS_CONFIRMED, "Client attached: shared VPN")
                .setConfirmedClients(List.of(attached)).setNotifyClients(true).build();
        publish(Topics.INCIDENT_UPDATED, incidentId.toString(), attach);
        publish(Topics.INCIDENT_UPDATED, incidentId.toString(), attach);
        publish(Topics.INCIDENT_UPDATED, incidentId.toString(), update(incidentId, UpdateKind.CLIENT_DETACHED,
                "Client detached: not theirs").setDetachedClients(List.of(named)).build());

        // then the attached client's contacts each get its INITIAL notice once, in their language only
        List<ClientNotified> initial = awaitClientNotified(incidentId, all -> all.size() >= 3);
        assertThat(initial).filteredOn(event -> event.getClientId().equals(attached))
                .extracting(ClientNotified::getTemplateId)
                .containsExactlyInAnyOrder("INITIAL/DEFAULT/fr", "INITIAL/DEFAULT/de");

        // when the analysts post an update for the clients, then resolve the incident
        publish(Topics.INCIDENT_UPDATED, incidentId.toString(), update(incidentId, UpdateKind.CLIENT_UPDATE,
                "internal").setClientMessages(Map.of("fr", "Les postes sont nettoyés.", "de",
                "Die Rechner sind bereinigt.", "en", "The machines are clean.")).setNotifyClients(true).build());
        publish(Topics.INCIDENT_RESOLVED, incidentId.toString(), IncidentResolved.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now()).setProducer("case-service")
                .setIncidentId(incidentId).setResolvedAt(now()).setResolvedBy("analyst")
                .setSeverity(io.vigie.events.Severity.MEDIUM).setCategory(IncidentCategory.MALWARE)
                .setSummary("internal").setDataCompromised(false).setAffectedClientIds(List.of(attached)).build());

        // then the attached client gets the update and the resolution, the detached one neither
        List<ClientNotified> all = awaitClientNotified(incidentId, events -> events.stream()
                .filter(event -> event.getStage() == NoticeStage.RESOLUTION).count() >= 2);
        assertThat(awaitMails("amelie@" + attached + ".test", 3)).hasSize(3);
        assertThat(mailsTo("amelie@" + attached + ".test")).anySatisfy(mail -> assertThat(parts(mail)[0])
                .contains("Les postes sont nettoyés."));
        assertThat(mailsTo("arno@" + attached + ".test")).hasSize(3);
        assertThat(all).filteredOn(event -> event.getClientId().equals(named))
                .extracting(ClientNotified::getStage).containsExactly(NoticeStage.INITIAL);
        assertThat(mailsTo("nora@" + named + ".test")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notice WHERE incident_id = ? AND client_id = ? "
                + "AND stage = 'INITIAL'", Integer.class, incidentId, attached)).isEqualTo(1);
    }

    @Test
    void shouldTellAClientAttachedAgainWhatChangedWhileItWasDetached() throws Exception {
        // given a told client that an analyst detached
        String clientId = unique("back");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "bea", "en", false));
        UUID incidentId = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, incidentId.toString(),
                opened(incidentId, IncidentCategory.MALWARE, clientId).build());
        awaitMails("bea@" + clientId + ".test", 1);
        publish(Topics.INCIDENT_UPDATED, incidentId.toString(), update(incidentId, UpdateKind.CLIENT_DETACHED,
                "Client detached").setDetachedClients(List.of(clientId)).build());

        // when an update goes out while it is detached, then the analyst attaches it again
        publish(Topics.INCIDENT_UPDATED, incidentId.toString(), update(incidentId, UpdateKind.CLIENT_UPDATE,
                "internal").setClientMessages(Map.of("en", "Still cleaning.")).setNotifyClients(true).build());
        publish(Topics.INCIDENT_UPDATED, incidentId.toString(), update(incidentId, UpdateKind.CLIENTS_CONFIRMED,
                "Client attached again").setConfirmedClients(List.of(clientId)).setNotifyClients(true).build());

        // then it gets one UPDATE, on its thread, and no second INITIAL notice
        List<ClientNotified> events = awaitClientNotified(incidentId, all -> all.size() >= 2);
        assertThat(events).extracting(ClientNotified::getStage)
                .containsExactly(NoticeStage.INITIAL, NoticeStage.UPDATE);
        assertThat(awaitMails("bea@" + clientId + ".test", 2)).hasSize(2);
        assertThat(mailsTo("bea@" + clientId + ".test")).noneSatisfy(mail -> assertThat(parts(mail)[0])
                .contains("Still cleaning."));
    }

    private static IncidentUpdated.Builder update(UUID incidentId, UpdateKind kind, String message) {
        return IncidentUpdated.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now())
                .setProducer("case-service").setIncidentId(incidentId).setKind(kind).setActor("analyst")
                .setStatus(IncidentStatus.IN_PROGRESS).setSeverity(io.vigie.events.Severity.MEDIUM)
                .setMessage(message);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
