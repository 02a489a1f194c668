package io.vigie.triage.incident;

import io.vigie.triage.alert.AffectedAssets;
import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.AlertContent;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.policy.AffectedClient;
import io.vigie.triage.policy.Classification;
import io.vigie.triage.policy.Priority;
import io.vigie.triage.policy.RuleFired;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Decides what a classified alert does to the incidents: opens one, escalates the open one it belongs to, or is
 * attached to it. Pure: the caller finds the open incident by {@link #keys} and stores the outcome.
 */
public final class Correlation {

    /** Lists inside an incident are capped, so a storm of alerts with ever-new accounts cannot grow it unbounded. */
    static final int MAX_LIST = 100;

    public record Outcome(Change change, Incident incident, Severity previousSeverity, boolean publish,
                          List<RuleFired> rationale) {
    }

    private Correlation() {
    }

    /**
     * The keys under which an alert looks for its incident: the same source reference (the source says it is the
     * same thing), or the same asset (else service) and category.
     */
    public static List<String> keys(Alert alert, IncidentCategory category) {
        List<String> keys = new ArrayList<>();
        keys.add("ref:" + alert.origin().source() + ":" + alert.origin().sourceReference());
        alert.affected().assetName().or(alert.affected()::serviceName).ifPresent(
                name -> keys.add("asset:" + name.strip().toLowerCase(Locale.ROOT) + ":" + category));
        return keys;
    }

    public static Outcome decide(Optional<Incident> open, Alert alert, Classification classification,
                                 CorrelationSettings settings, UUID newIncidentId) {
        if (open.isEmpty()) {
            if (alert.origin().resolvedBySource()) {
                return new Outcome(Change.IGNORED, null, null, false, classification.rationale());
            }
            Incident incident = new Incident(newIncidentId, alert.content().title(), summary(alert),
                    alert.origin().source(), alert.origin().sourceReference(), classification,
                    cap(alert.affected().accounts()), priority(classification, 1), Sightings.first(alert));
            return new Outcome(Change.OPENED, incident, null, true, classification.rationale());
        }
        Incident current = open.get();
        boolean resolved = alert.origin().resolvedBySource();
        Sightings sightings = current.sightings().with(alert);
        int count = sightings.alertCount();
        boolean moreSevere = !resolved && classification.severity().isMoreSevereThan(current.severity());
        Classification merged = merge(current.classification(), classification, moreSevere);
        Optional<String> growth = resolved ? Optional.empty() : scopeGrowth(current.classification(), merged);
        Incident incident = current.with(merged,
                cap(Stream.concat(current.accounts().stream(), alert.affected().accounts().stream()).distinct().toList()),
                priority(merged, count), sightings);
        List<RuleFired> rationale = new ArrayList<>(classification.rationale());
        growth.ifPresent(effect -> rationale.add(new RuleFired("scope-growth",
                "the alert widens the incident's scope: the clients must hear of it", effect)));
        if (moreSevere) {
            rationale.add(new RuleFired("correlation", "joined open incident " + current.id()
                    + " (same source reference, or same asset and category) and is more severe",
                    "severity " + current.severity() + " -> " + classification.severity()));
            return new Outcome(Change.ESCALATED, incident, current.severity(), true, rationale);
        }
        if (growth.isPresent()) {
            rationale.add(new RuleFired("correlation", "joined open incident " + current.id()
                    + " (same source reference, or same asset and category) and widens its scope",
                    "severity " + current.severity() + " unchanged; alert " + count + " of the incident"));
            return new Outcome(Change.ESCALATED, incident, current.severity(), true, rationale);
        }
        List<String> newlySuggested = newlySuggested(current.classification(), merged);
        rationale.add(new RuleFired("correlation", "joined open incident " + current.id()
                + " (same source reference, or same asset and category)",
                (resolved ? "source says resolved; " : "") + "alert " + count + " of the incident"
                        + (newlySuggested.isEmpty() ? "" : "; suggested clients +" + String.join(", +", newlySuggested))));
        // A new suggestion is published even inside a storm: the analyst who must confirm it reads the events.
        boolean publish = resolved || !newlySuggested.isEmpty() || count <= settings.publishAllUpTo()
                || count % settings.publishEvery() == 0;
        return new Outcome(Change.ATTACHED, incident, null, publish, rationale);
    }

    /**
     * What a join added to the incident's scope, as the rationale's effect: new affected clients, personal data
     * involved for the first time, new data categories; empty when nothing grew.
     */
    static Optional<String> scopeGrowth(Classification before, Classification after) {
        List<String> grew = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        before.affectedClients().forEach(client -> known.add(client.clientId()));
        List<String> newClients = after.affectedClients().stream().map(AffectedClient::clientId)
                .filter(id -> !known.contains(id)).toList();
        if (!newClients.isEmpty()) {
            grew.add("clients +" + String.join(", +", newClients));
        }
        if (after.personalDataInvolved() && !before.personalDataInvolved()) {
            grew.add("personal data involved");
        }
        List<String> newData = after.dataCategories().stream().filter(d -> !before.dataCategories().contains(d))
                .map(Enum::name).toList();
        if (!newData.isEmpty()) {
            grew.add("data categories +" + String.join(", +", newData));
        }
        return grew.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", grew));
    }

    /** The clients a join made suggested that the incident neither suggested nor counted as affected before. */
    static List<String> newlySuggested(Classification before, Classification after) {
        Set<String> known = new LinkedHashSet<>();
        before.suggestedClients().forEach(client -> known.add(client.clientId()));
        before.affectedClients().forEach(client -> known.add(client.clientId()));
        return after.suggestedClients().stream().map(AffectedClient::clientId).filter(id -> !known.contains(id))
                .toList();
    }

    static int priority(Classification c, int alertCount) {
        return Priority.of(c.severity(), c.assetWeight(), c.affectedClients().size(), c.personalDataInvolved(),
                !c.matchedIndicators().isEmpty(), alertCount);
    }

    private static String summary(Alert alert) {
        AffectedAssets affected = alert.affected();
        AlertContent content = alert.content();
        String about = affected.assetName().or(affected::serviceName).map(name -> " on " + name).orElse("");
        String base = content.description() != null && !content.description().isBlank() ? content.description().strip()
                : content.title() + about + ".";
        return base + " Reported by " + alert.origin().sourceName() + " (" + alert.origin().source() + ") at "
                + alert.detectedAt() + ".";
    }

    /** The incident so far and a new alert's classification: unions, the worse of each flag. */
    static Classification merge(Classification incident, Classification alert, boolean escalates) {
        Severity severity = escalates ? alert.severity() : incident.severity();
        IncidentCategory category = incident.category() == IncidentCategory.OTHER ? alert.category() : incident.category();
        List<AffectedClient> affected = clients(incident.affectedClients(), alert.affectedClients());
        Set<String> affectedIds = new HashSet<>();
        affected.forEach(client -> affectedIds.add(client.clientId()));
        // A suggested client the inventory or a bound source now vouches for moves to the affected ones.
        List<AffectedClient> suggested = cap(clients(incident.suggestedClients(), alert.suggestedClients()).stream()
                .filter(client -> !affectedIds.contains(client.clientId())).toList());
        return new Classification(severity, category,
                incident.notifyClients() || alert.notifyClients(),
                union(incident.dataCategories(), alert.dataCategories()),
                affected, suggested,
                union(incident.assets(), alert.assets()),
                union(incident.services(), alert.services()),
                union(incident.matchedIndicators(), alert.matchedIndicators()),
                incident.personalDataInvolved() || alert.personalDataInvolved(),
                union(incident.measures(), alert.measures()),
                prefer(escalates, alert.estimatedResolutionAt(), incident.estimatedResolutionAt()),
                incident.unknownAsset() || alert.unknownAsset(),
                Math.max(incident.assetWeight(), alert.assetWeight()),
                escalates ? alert.rationale() : incident.rationale(),
                escalates ? alert.policyVersion() : incident.policyVersion());
    }

    private static <T> T prefer(boolean newer, T alert, T incident) {
        if (newer) {
            return alert != null ? alert : incident;
        }
        return incident != null ? incident : alert;
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        Set<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return cap(List.copyOf(all));
    }

    private static <T> List<T> cap(List<T> list) {
        return list.size() <= MAX_LIST ? list : List.copyOf(list.subList(0, MAX_LIST));
    }

    private static List<AffectedClient> clients(List<AffectedClient> a, List<AffectedClient> b) {
        Map<String, AffectedClient> byId = new LinkedHashMap<>();
        for (AffectedClient client : Stream.concat(a.stream(), b.stream()).toList()) {
            byId.merge(client.clientId(), client, (x, y) -> new AffectedClient(x.clientId(),
                    union(x.assets(), y.assets()), union(x.services(), y.services()),
                    union(x.dataCategories(), y.dataCategories()),
                    x.emailMayBeCompromised() || y.emailMayBeCompromised()));
        }
        return List.copyOf(byId.values());
    }
}
