package io.vigie.cases.incident;

import java.util.List;

/**
 * What an {@code IncidentUpdated} says besides the case as the command left it: the message for the other services'
 * records and, by kind, the previous severity, the clients' update, the confirmed clients or the approved notice.
 */
record UpdateDetails(String message, Severity previousSeverity, ClientUpdate clientUpdate,
                     List<String> confirmedClients, NoticeApproval approval) {

    UpdateDetails {
        confirmedClients = List.copyOf(confirmedClients);
    }

    static UpdateDetails of(String message) {
        return new UpdateDetails(message, null, null, List.of(), null);
    }

    UpdateDetails withPreviousSeverity(Severity severity) {
        return new UpdateDetails(message, severity, clientUpdate, confirmedClients, approval);
    }

    UpdateDetails withClientUpdate(ClientUpdate update) {
        return new UpdateDetails(message, previousSeverity, update, confirmedClients, approval);
    }

    UpdateDetails withConfirmedClient(String clientId) {
        return new UpdateDetails(message, previousSeverity, clientUpdate, List.of(clientId), approval);
    }

    UpdateDetails withApproval(NoticeApproval noticeApproval) {
        return new UpdateDetails(message, previousSeverity, clientUpdate, confirmedClients, noticeApproval);
    }
}
