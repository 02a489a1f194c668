package io.vigie.cases.incident;

import java.util.List;

/** How an incident was resolved: the clients' resolution notice says it. */
public record Resolution(String summary, List<String> correctiveActions, boolean dataCompromised) {

    public Resolution {
        correctiveActions = correctiveActions == null ? List.of() : List.copyOf(correctiveActions);
    }
}
