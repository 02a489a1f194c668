package io.vigie.cases.incident;

import java.util.List;

/**
 * How an incident was resolved.
 *
 * @param summary  what was done, for the internal record (the case, the post-mortem)
 * @param messages what the clients' resolution notice says in the analyst's words, per language
 */
public record Resolution(String summary, ClientMessages messages, List<String> correctiveActions,
                         boolean dataCompromised) {

    public Resolution {
        messages = messages == null ? ClientMessages.none() : messages;
        correctiveActions = correctiveActions == null ? List.of() : List.copyOf(correctiveActions);
    }
}
