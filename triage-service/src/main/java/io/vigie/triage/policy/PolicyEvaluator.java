package io.vigie.triage.policy;

import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.alert.IncidentCategory;
import io.vigie.triage.alert.Indicator;
import io.vigie.triage.alert.Measure;
import io.vigie.triage.alert.Severity;
import io.vigie.triage.inventory.Criticality;
import io.vigie.triage.inventory.InventoryItem;
import io.vigie.triage.inventory.InventoryMatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a policy to one alert: pure, no I/O, the same answer every time for the same inputs. Rules run in order
 * and see what earlier rules decided (category, severity, data categories), so a policy can say "a data breach on
 * personal data is critical" after the rules that recognise the breach.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    public static Classification classify(Policy policy, Alert alert, InventoryMatch inventory,
                                          List<Indicator> knownThreats) {
        State state = new State(policy.defaults(), alert);
        List<RuleFired> rationale = new ArrayList<>();
        rationale.add(new RuleFired("baseline", alert.content().severityHint() != null
                ? "the source's severity, mapped onto Vigie's scale" : "no source severity: the policy's default",
                "severity " + state.severity + ", category " + state.category));
        if (!knownThreats.isEmpty()) {
            rationale.add(new RuleFired("known-threats", "on the known-threat list: " + knownThreats.stream()
                    .map(Indicator::toString).collect(Collectors.joining(", ")),
                    knownThreats.size() + " matched indicator(s)"));
        }
        Set<DataCategory> assetData = EnumSet.noneOf(DataCategory.class);
        inventory.items().forEach(item -> assetData.addAll(item.dataCategories()));

        for (Rule rule : policy.rules()) {
            if (matches(rule.when(), alert, inventory, knownThreats, assetData, state)) {
                rationale.add(new RuleFired(rule.id(), rule.description(), state.apply(rule.then(), assetData)));
            }
        }
        if (inventory.unknownAsset()) {
            Severity before = state.severity;
            state.severity = Severity.max(state.severity, policy.defaults().unknownAssetSeverity());
            String named = inventory.unknown().isEmpty() ? "the alert names no asset or service"
                    : String.join(", ", inventory.unknown()) + " not in the inventory";
            rationale.add(new RuleFired("unknown-asset", named + ": classified conservatively, needs a human look",
                    before == state.severity ? "severity stays " + before : "severity " + before + " -> " + state.severity));
        }
        boolean personal = state.dataCategories.stream().anyMatch(DataCategory::isPersonal);
        // The source's own word counts too (Wazuh's gdpr group or its rule.gdpr article references), with care: Wazuh
        // maps routine rules to GDPR articles (sshd authentication failures carry Art. 32(2) and 35(7)(d)) because
        // they matter to GDPR compliance, not because personal data was breached. So the tags make personal data
        // involved when the incident is about data (DATA_BREACH), or when they name the breach articles themselves
        // (Art. 33, 34); otherwise they are noted in the rationale for the analyst, who can still flag personal data
        // in regulatory-service. They add no data category: the inventory says what data an asset holds.
        List<String> personalDataTags = alert.content().tags().stream().filter(PolicyEvaluator::isPersonalDataTag)
                .toList();
        if (!personalDataTags.isEmpty()) {
            boolean aboutData = state.category == IncidentCategory.DATA_BREACH
                    || personalDataTags.stream().anyMatch(PolicyEvaluator::namesBreachArticle);
            if (aboutData) {
                rationale.add(new RuleFired("personal-data-tagged-by-source", "the source tagged the alert as "
                        + "touching personal data: " + String.join(", ", personalDataTags),
                        personal ? "personal data already involved" : "personal data involved"));
                personal = true;
            } else {
                rationale.add(new RuleFired("gdpr-mapping-noted", "the source maps its rule to GDPR ("
                        + String.join(", ", personalDataTags) + "), but the incident is " + state.category
                        + ", not about data: no personal-data breach assumed", "noted for the analyst"));
            }
        }
        if (personal) {
            // No deadline here: regulatory-service is the one owner of every regulatory rule (DESIGN, "One owner per
            // rule"); it decides from this flag and its client directory what GDPR asks of each client, and when.
            rationale.add(new RuleFired("gdpr-art-33", "personal data involved: regulatory-service decides the "
                    + "obligations of clients under GDPR (Art. 33 notification, Art. 34 communication)",
                    "left to regulatory-service"));
        }
        ClientAttribution clients = ClientAttribution.of(alert, inventory, state.dataCategories,
                state.emailMayBeCompromised);
        rationale.addAll(clients.rationale());
        int assetWeight = inventory.items().stream().mapToInt(item -> item.criticality().weight()).max()
                .orElse(Criticality.HIGH.weight());
        if (inventory.unknownAsset()) {
            assetWeight = Math.max(assetWeight, Criticality.HIGH.weight());
        }
        return new Classification(state.severity, state.category, state.notify, List.copyOf(state.dataCategories),
                clients.affected(), clients.suggested(),
                inventory.items().stream().filter(i -> i.kind() == InventoryItem.Kind.ASSET).map(InventoryItem::name).toList(),
                inventory.items().stream().filter(i -> i.kind() == InventoryItem.Kind.SERVICE).map(InventoryItem::name).toList(),
                knownThreats, personal, List.copyOf(state.measures),
                state.resolutionEta == null ? null : alert.detectedAt().plus(state.resolutionEta),
                inventory.unknownAsset(), assetWeight, rationale, policy.version());
    }

    static boolean matches(Condition c, Alert alert, InventoryMatch inventory, List<Indicator> knownThreats,
                           Set<DataCategory> assetData, State state) {
        if (!c.alert().matches(alert) || !c.assets().matches(inventory, assetData, state.dataCategories)
                || !c.threats().matches(knownThreats) || !c.decision().matches(state.severity, state.category)) {
            return false;
        }
        return c.anyOf().isEmpty() || c.anyOf().stream()
                .anyMatch(nested -> matches(nested, alert, inventory, knownThreats, assetData, state));
    }

    /** Wazuh's references to the breach articles: {@code IV_33…} (notification), {@code IV_34…} (communication). */
    static boolean namesBreachArticle(String tag) {
        return tag.toLowerCase(Locale.ROOT).matches("gdpr:iv_3[34]([^0-9].*)?");
    }

    /** {@code gdpr}, or {@code gdpr:<article reference>} as alert-intake writes Wazuh's rule.gdpr. */
    static boolean isPersonalDataTag(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        return lower.equals("gdpr") || lower.startsWith("gdpr:");
    }

    /** The decision as it builds up, rule by rule. */
    static final class State {
        Severity severity;
        IncidentCategory category;
        boolean notify;
        final Set<DataCategory> dataCategories = new LinkedHashSet<>();
        boolean emailMayBeCompromised;
        final Set<Measure> measures = new LinkedHashSet<>();
        Duration resolutionEta;

        State(Policy.Defaults defaults, Alert alert) {
            severity = alert.content().severityHint() != null ? alert.content().severityHint() : defaults.severity();
            category = defaults.category();
            notify = defaults.notifyClients();
        }

        /** Applies the actions and says what changed, for the rationale. */
        String apply(Action action, Set<DataCategory> assetData) {
            List<String> effects = new ArrayList<>();
            Severity before = severity;
            if (action.severity() != null) {
                severity = action.severity();
            }
            if (action.raiseTo() != null) {
                severity = Severity.max(severity, action.raiseTo());
            }
            if (action.raiseBy() != null) {
                severity = severity.raisedBy(action.raiseBy());
            }
            if (severity != before) {
                effects.add("severity " + before + " -> " + severity);
            }
            if (action.category() != null && action.category() != category) {
                category = action.category();
                effects.add("category " + category);
            }
            if (action.notifyClients() != null && action.notifyClients() != notify) {
                notify = action.notifyClients();
                effects.add(notify ? "notify clients" : "do not notify clients");
            }
            Set<DataCategory> added = new LinkedHashSet<>(action.dataCategories());
            if (Boolean.TRUE.equals(action.includeAssetData())) {
                added.addAll(assetData);
            }
            added.removeAll(dataCategories);
            if (!added.isEmpty()) {
                dataCategories.addAll(added);
                effects.add("data " + added);
            }
            if (Boolean.TRUE.equals(action.emailMayBeCompromised()) && !emailMayBeCompromised) {
                emailMayBeCompromised = true;
                effects.add("notify out of band");
            }
            Set<Measure> taken = new LinkedHashSet<>(action.measures());
            taken.removeAll(measures);
            if (!taken.isEmpty()) {
                measures.addAll(taken);
                effects.add("measures " + taken);
            }
            if (action.resolutionEta() != null) {
                resolutionEta = action.resolutionEta();
                effects.add("resolution within " + action.resolutionEta().toString().substring(2).toLowerCase(Locale.ROOT));
            }
            return effects.isEmpty() ? "no change" : String.join("; ", effects);
        }
    }
}
