package io.vigie.regulatory.regime;

import io.vigie.events.ClientDirectoryChange;
import io.vigie.events.ClientDirectoryChanged;
import io.vigie.events.Topics;
import io.vigie.platform.outbox.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Only the client's name, for the filings' headers: the directory itself is notification-service's. */
@Component
class ClientDirectoryListener {

    private final ProcessedEvents processedEvents;
    private final RegimeProfiles profiles;

    ClientDirectoryListener(ProcessedEvents processedEvents, RegimeProfiles profiles) {
        this.processedEvents = processedEvents;
        this.profiles = profiles;
    }

    @KafkaListener(topics = Topics.CLIENT_DIRECTORY, groupId = "regulatory-service")
    @Transactional
    void on(ClientDirectoryChanged event) {
        if (processedEvents.claim(event.getEventId(), Topics.CLIENT_DIRECTORY)) {
            profiles.nameClient(event.getClientId(),
                    event.getChange() == ClientDirectoryChange.REMOVED ? null : event.getName());
        }
    }
}
