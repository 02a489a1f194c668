package io.vigie.notification.directory;

import io.vigie.events.ClientDirectoryChange;
import io.vigie.events.ClientDirectoryChanged;
import io.vigie.events.Topics;
import io.vigie.platform.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tells the other services what the directory holds, through the outbox: the event commits with the directory change
 * or not at all. Keyed by client on a compacted topic, so the last event of each client is the directory; no contact
 * detail leaves the service, only the client's name and its contacts' languages.
 */
@Component
class DirectoryEvents {

    static final String PRODUCER = "notification-service";

    private final Outbox outbox;
    private final Clock clock;

    DirectoryEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void saved(Client client) {
        outbox.append(Topics.CLIENT_DIRECTORY, client.id(), event(client.id(), ClientDirectoryChange.SAVED)
                .setName(client.name()).setLanguages(languages(client.contacts())).build());
    }

    void removed(String clientId) {
        outbox.append(Topics.CLIENT_DIRECTORY, clientId, event(clientId, ClientDirectoryChange.REMOVED).build());
    }

    private ClientDirectoryChanged.Builder event(String clientId, ClientDirectoryChange change) {
        return ClientDirectoryChanged.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(clock.instant())
                .setProducer(PRODUCER).setClientId(clientId).setChange(change);
    }

    /** The languages its contacts read, most used first (ties in the order of the contacts). */
    static List<String> languages(List<Contact> contacts) {
        Map<String, Long> counted = contacts.stream().collect(Collectors.groupingBy(Contact::language,
                LinkedHashMap::new, Collectors.counting()));
        return counted.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey).toList();
    }
}
