package io.vigie.triage.policy;

import io.vigie.triage.alert.Alert;
import io.vigie.triage.inventory.Inventory;
import io.vigie.triage.threat.KnownThreats;
import io.vigie.triage.web.InputError;
import io.vigie.triage.web.InvalidInputException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy tried on sample alerts before anyone activates it: the same parser as an upload, the same evaluation as
 * triage (against the inventory and the known-threat list in memory), and nothing else — no row, no event, and the
 * active policy untouched. There is no correlation: each sample is classified as the first alert of its incident.
 */
@Component
class PolicyDryRun {

    /** A dry run evaluates regular expressions someone just wrote: the samples are bounded. */
    static final int MAX_SAMPLES = 100;

    record Request(String policy, List<SampleAlert> alerts) {
    }

    record Outcome(String policyVersion, String activeVersion, List<SampleOutcome> samples) {
    }

    /** @param priority the work-queue priority an incident opened by this alert alone would have */
    record SampleOutcome(int sample, String title, Classification classification, List<String> rulesFired,
                         int priority) {
    }

    private final ActivePolicy activePolicy;
    private final Inventory inventory;
    private final KnownThreats knownThreats;
    private final Clock clock = Clock.systemUTC();

    PolicyDryRun(ActivePolicy activePolicy, Inventory inventory, KnownThreats knownThreats) {
        this.activePolicy = activePolicy;
        this.inventory = inventory;
        this.knownThreats = knownThreats;
    }

    /**
     * @throws InvalidInputException the upload's refusal for a bad policy; else every mistake in the samples
     */
    Outcome run(Request request) {
        if (request == null || request.policy() == null || request.policy().isBlank()) {
            throw new InvalidInputException("The dry run was refused",
                    new InputError(0, "policy", "policy is required: the policy document (YAML) as a string"));
        }
        Policy policy = PolicyParser.parse(request.policy());
        List<SampleAlert> samples = request.alerts() == null ? List.of() : request.alerts();
        List<InputError> errors = new ArrayList<>();
        if (samples.isEmpty() || samples.size() > MAX_SAMPLES) {
            errors.add(new InputError(0, "alerts", "alerts must hold 1 to " + MAX_SAMPLES + " sample alerts"));
        }
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < samples.size() && i < MAX_SAMPLES; i++) {
            if (samples.get(i) == null) {
                errors.add(new InputError(0, "alerts[" + i + "]", "a sample alert is an object"));
            } else {
                alerts.add(samples.get(i).toAlert(i, clock.instant(), errors));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The sample alerts were refused; nothing was classified", errors);
        }
        List<SampleOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = alerts.get(i);
            Classification c = PolicyEvaluator.classify(policy, alert, inventory.match(alert), knownThreats.matches(alert));
            outcomes.add(new SampleOutcome(i, alert.content().title(), c,
                    c.rationale().stream().map(RuleFired::ruleId).toList(),
                    Priority.of(c.severity(), c.assetWeight(), c.affectedClients().size(), c.personalDataInvolved(),
                            !c.matchedIndicators().isEmpty(), 1)));
        }
        return new Outcome(policy.version(), activePolicy.get().version(), List.copyOf(outcomes));
    }
}
