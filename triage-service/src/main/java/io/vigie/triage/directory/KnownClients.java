package io.vigie.triage.directory;

import io.vigie.triage.directory.internal.KnownClientTable;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The client ids notification-service's directory holds, as its ClientDirectoryChanged events said. Read from the
 * database on each call, not cached: the instances split the topic's partitions, so each sees only part of the
 * events, and only the shared table has them all.
 */
@Component
public class KnownClients {

    private final KnownClientTable table;

    KnownClients(KnownClientTable table) {
        this.table = table;
    }

    /** The clients in the directory now. */
    public Set<String> ids() {
        return table.ids();
    }

    /** Applies a change unless the table holds a later one already (a replay of older events changes nothing). */
    void apply(DirectoryChange change) {
        table.apply(change.clientId(), change.name(), change.removed(), change.changedAt());
    }
}
