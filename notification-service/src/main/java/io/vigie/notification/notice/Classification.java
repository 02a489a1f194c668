package io.vigie.notification.notice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Triage's decision about an alert, as far as client notices are concerned. {@code facts} holds what every affected
 * client is told (services and assets are per client, in {@code clients}).
 */
public record Classification(UUID eventId, UUID incidentId, Change change, Instant classifiedAt, NoticeContent facts,
                             List<AffectedClient> clients, boolean notifyClients, List<String> dataCategories,
                             Instant gdprDeadline) {

    public enum Change { OPENED, ESCALATED, ATTACHED }

    public Classification {
        clients = List.copyOf(clients);
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
    }
}
