package io.vigie.triage.directory;

import java.time.Instant;

/** A client saved in or removed from notification-service's directory, at {@code changedAt}. */
record DirectoryChange(String clientId, String name, boolean removed, Instant changedAt) {
}
