package io.vigie.triage.policy;

/** One rule that fired and what it contributed: a line of a classification's rationale. */
public record RuleFired(String ruleId, String description, String effect) {
}
