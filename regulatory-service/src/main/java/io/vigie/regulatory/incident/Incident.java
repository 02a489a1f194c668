package io.vigie.regulatory.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What this service knows of an incident, from the events: enough to decide which reports the law asks and to
 * pre-fill their drafts. Title, summary and free-text measures are the SOC's internal words: they may go into a
 * draft for an authority (a human reads it before it is sent), never to a client.
 *
 * @param firstClassifiedAt when triage first classified it: the default awareness time of every client
 */
public record Incident(UUID id, Instant firstClassifiedAt, Classification classification, List<ClientImpact> clients,
                       List<String> indicators, Response response) {

    public Incident {
        clients = List.copyOf(clients);
        indicators = List.copyOf(indicators);
    }

    /** Severity and nature as triage (then case-service) last stated them. */
    public record Classification(Severity severity, String category, String title, String summary,
                                 Instant detectedAt, boolean personalDataInvolved) {
    }

    /** One affected client and what of theirs is touched. */
    public record ClientImpact(String clientId, List<String> services, List<String> assets,
                               List<String> dataCategories) {

        /** PERSONAL, and HEALTH (special-category personal data, GDPR Art. 9). */
        public boolean personalData() {
            return dataCategories.contains("PERSONAL") || dataCategories.contains("HEALTH");
        }
    }

    /**
     * What the SOC did and found: measures as codes (worded per language by the drafts), free-text measures and
     * corrective actions, the resolution and the post-mortem's root cause.
     */
    public record Response(String status, List<String> measures, List<String> actions, Instant resolvedAt,
                           String resolutionSummary, Boolean dataCompromised, String rootCause) {

        static Response none() {
            return new Response("OPEN", List.of(), List.of(), null, null, null, null);
        }
    }

    /** A classification as AlertClassified states it. */
    record Classified(Instant at, Classification classification, List<ClientImpact> clients, List<String> indicators,
                      List<String> measures, List<String> actions) {
    }

    static Incident first(UUID id, Classified event) {
        return new Incident(id, event.at(), event.classification(), event.clients(), event.indicators(),
                new Response("OPEN", event.measures(), event.actions(), null, null, null, null));
    }

    /**
     * An incident known only from a later step (an update, the resolution, the closure) whose classification, read
     * from another topic, has not arrived yet: what that step said is kept until it does, never dropped.
     */
    static Incident unclassified(UUID id) {
        return new Incident(id, null, null, List.of(), List.of(), Response.none());
    }

    /** False until the first classification arrives: no rule is applied to an incident without one. */
    public boolean isClassified() {
        return classification != null;
    }

    /**
     * A later classification (escalation, another alert joining): the scope only grows, since an alert joining an
     * incident never makes the clients it touched before unaffected.
     */
    Incident classified(Classified event) {
        if (classification == null) {
            // The steps that overtook the classification keep what they said (status, resolution, root cause).
            return new Incident(id, event.at(), event.classification(), event.clients(), event.indicators(),
                    new Response(response.status(), union(response.measures(), event.measures()),
                            union(response.actions(), event.actions()), response.resolvedAt(),
                            response.resolutionSummary(), response.dataCompromised(), response.rootCause()));
        }
        Classification merged = new Classification(event.classification().severity(), classification.category(),
                classification.title(), classification.summary(), earliest(classification.detectedAt(),
                event.classification().detectedAt()), classification.personalDataInvolved()
                || event.classification().personalDataInvolved());
        Instant first = earliest(firstClassifiedAt, event.at());
        return new Incident(id, first, merged, mergeClients(clients, event.clients()),
                union(indicators, event.indicators()), new Response(response.status(),
                union(response.measures(), event.measures()), union(response.actions(), event.actions()),
                response.resolvedAt(), response.resolutionSummary(), response.dataCompromised(), response.rootCause()));
    }

    Incident updated(Severity severity, String status, List<String> measures, List<String> actions) {
        Classification c = classification;
        // Before its classification an update's severity has nothing to apply to: the classification sets it.
        Classification updated = c == null ? null : new Classification(severity, c.category(), c.title(),
                c.summary(), c.detectedAt(), c.personalDataInvolved());
        return new Incident(id, firstClassifiedAt, updated, clients, indicators,
                new Response(status, union(response.measures(), measures), union(response.actions(), actions),
                        response.resolvedAt(), response.resolutionSummary(), response.dataCompromised(),
                        response.rootCause()));
    }

    Incident resolved(Instant resolvedAt, String summary, boolean dataCompromised, List<String> correctiveActions) {
        return new Incident(id, firstClassifiedAt, classification, clients, indicators,
                new Response("RESOLVED", response.measures(), union(response.actions(), correctiveActions),
                        resolvedAt, summary, dataCompromised, response.rootCause()));
    }

    Incident closed(String rootCause) {
        return new Incident(id, firstClassifiedAt, classification, clients, indicators,
                new Response("CLOSED", response.measures(), response.actions(), response.resolvedAt(),
                        response.resolutionSummary(), response.dataCompromised(), rootCause));
    }

    public boolean resolved() {
        return response.resolvedAt() != null;
    }

    public List<String> clientIds() {
        return clients.stream().map(ClientImpact::clientId).toList();
    }

    public ClientImpact client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst()
                .orElse(new ClientImpact(clientId, List.of(), List.of(), List.of()));
    }

    /** Every affected service, whichever client it belongs to. */
    public int serviceCount() {
        LinkedHashSet<String> services = new LinkedHashSet<>();
        clients.forEach(c -> services.addAll(c.services()));
        return services.size();
    }

    private static List<ClientImpact> mergeClients(List<ClientImpact> known, List<ClientImpact> added) {
        Map<String, ClientImpact> byId = new LinkedHashMap<>();
        for (ClientImpact c : known) {
            byId.put(c.clientId(), c);
        }
        for (ClientImpact c : added) {
            ClientImpact before = byId.get(c.clientId());
            byId.put(c.clientId(), before == null ? c : new ClientImpact(c.clientId(),
                    union(before.services(), c.services()), union(before.assets(), c.assets()),
                    union(before.dataCategories(), c.dataCategories())));
        }
        return new ArrayList<>(byId.values());
    }

    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
