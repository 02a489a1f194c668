package io.vigie.cases.incident;

import java.util.List;

/**
 * What an {@code IncidentUpdated} says besides the case as the command left it: the message for the other services'
 * records and, by kind, the previous severity, the clients' update, the confirmed (or attached) clients, the approved
 * notice, the conversation with a client (an answer, a call) or the detached clients.
 */
record UpdateDetails(String message, Severity previousSeverity, ClientUpdate clientUpdate,
                     List<String> confirmedClients, NoticeApproval approval, Conversation conversation,
                     List<String> detachedClients) {

    UpdateDetails {
        confirmedClients = List.copyOf(confirmedClients);
        detachedClients = List.copyOf(detachedClients);
    }

    static UpdateDetails of(String message) {
        return new UpdateDetails(message, null, null, List.of(), null, null, List.of());
    }

    UpdateDetails withPreviousSeverity(Severity severity) {
        return new UpdateDetails(message, severity, clientUpdate, confirmedClients, approval, conversation,
                detachedClients);
    }

    UpdateDetails withClientUpdate(ClientUpdate update) {
        return new UpdateDetails(message, previousSeverity, update, confirmedClients, approval, conversation,
                detachedClients);
    }

    UpdateDetails withConfirmedClient(String clientId) {
        return new UpdateDetails(message, previousSeverity, clientUpdate, List.of(clientId), approval, conversation,
                detachedClients);
    }

    UpdateDetails withApproval(NoticeApproval noticeApproval) {
        return new UpdateDetails(message, previousSeverity, clientUpdate, confirmedClients, noticeApproval,
                conversation, detachedClients);
    }

    UpdateDetails withConversation(Conversation talk) {
        return new UpdateDetails(message, previousSeverity, clientUpdate, confirmedClients, approval, talk,
                detachedClients);
    }

    UpdateDetails withDetachedClient(String clientId) {
        return new UpdateDetails(message, previousSeverity, clientUpdate, confirmedClients, approval, conversation,
                List.of(clientId));
    }
}
