package io.vigie.notification.directory;

import io.vigie.notification.directory.internal.ClientRows;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The clients and their contacts: who the service tells about incidents. */
@Repository
public class ClientDirectory {

    private final ClientRows rows;
    private final DirectoryEvents events;
    private final Clock clock;

    ClientDirectory(ClientRows rows, DirectoryEvents events, Clock clock) {
        this.rows = rows;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Client> find(String clientId) {
        List<Client> found = rows.one(clientId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<Client> all() {
        return rows.all();
    }

    /** Creates or replaces each client with its contacts, all or nothing, each published as ClientDirectoryChanged. */
    @Transactional
    public void saveAll(List<Client> clients) {
        clients.forEach(client -> {
            rows.replace(client, clock.instant());
            events.saved(client);
        });
    }

    /** Removes the client, published as ClientDirectoryChanged REMOVED; false when there was none. */
    @Transactional
    public boolean delete(String clientId) {
        boolean deleted = rows.delete(clientId);
        if (deleted) {
            events.removed(clientId);
        }
        return deleted;
    }

    /**
     * Publishes the clients saved before the directory was published (their rows have no publication time), once:
     * each is taken by marking it, and a second instance starting at the same time waits on that row's lock, then
     * finds it marked. Returns how many this call published.
     */
    @Transactional
    public int publishUnpublished() {
        int published = 0;
        Instant now = clock.instant();
        for (String id : rows.unpublished()) {
            if (rows.markPublished(id, now)) {
                find(id).ifPresent(events::saved);
                published++;
            }
        }
        return published;
    }
}
