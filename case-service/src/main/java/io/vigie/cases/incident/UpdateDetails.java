package io.vigie.cases.incident;

import java.util.List;

/**
 * What an {@code IncidentUpdated} says besides the case as the command left it: the message for the other services'
 * records and, by kind, the previous severity, the clients' update, the confirmed clients, the approved notice or the
 * conversation with a client (an answer, a call).
 */
record UpdateDetails(String message, Severity previousSeverity, ClientUpdate clientUpdate,
                     List<String> confirmedClients, NoticeApproval approval, Conversation conversation) {

    UpdateDetails {
        confirmedClients = List.copyOf(confirmedClients);
    }

    static UpdateDetails of(String message) {
        return new UpdateDetails(message, null, null, List.of(), null, null);
    }

    UpdateDetails withPreviousSeverity(Severity severity) {
        return new UpdateDetails(message, severity, clientUpdate, confirmedClients, approval, conversation);
    }

    UpdateDetails withClientUpdate(ClientUpdate update) {
        return new UpdateDetails(message, previousSeverity, update, confirmedClients, approval, conversation);
    }

    UpdateDetails withConfirmedClient(String clientId) {
        return new UpdateDetails(message, previousSeverity, clientUpdate, List.of(clientId), approval, conversation);
    }

    UpdateDetails withApproval(NoticeApproval noticeApproval) {
        return new UpdateDetails(message, previousSeverity, clientUpdate, confirmedClients, noticeApproval,
                conversation);
    }

    UpdateDetails withConversation(Conversation talk) {
        return new UpdateDetails(message, previousSeverity, clientUpdate, confirmedClients, approval, talk);
    }
}
