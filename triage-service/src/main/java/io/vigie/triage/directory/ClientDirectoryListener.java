package io.vigie.triage.directory;

import io.vigie.events.ClientDirectoryChange;
import io.vigie.events.ClientDirectoryChanged;
import io.vigie.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * notification-service's client directory, as it changes. Every instance shares the one known_client table, so the
 * group splits the partitions between them like any other topic. A change symbol this version does not know (OTHER)
 * says nothing about whether the client exists: it is ignored.
 */
@Component
class ClientDirectoryListener {

    private final KnownClients knownClients;

    ClientDirectoryListener(KnownClients knownClients) {
        this.knownClients = knownClients;
    }

    @KafkaListener(topics = Topics.CLIENT_DIRECTORY, groupId = "triage-service")
    void on(ClientDirectoryChanged event) {
        if (event.getChange() == ClientDirectoryChange.OTHER) {
            return;
        }
        // Idempotent without the event id: applying the same change twice leaves the same row.
        knownClients.apply(new DirectoryChange(event.getClientId(), event.getName(),
                event.getChange() == ClientDirectoryChange.REMOVED, event.getOccurredAt()));
    }
}
