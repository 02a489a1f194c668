package io.vigie.cases.incident;

import java.time.Instant;

/** A client an analyst detached from an incident: it is told nothing more about it unless attached again. */
public record DetachedClient(String clientId, String detachedBy, Instant detachedAt, String reason) {
}
