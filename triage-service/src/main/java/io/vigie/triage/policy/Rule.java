package io.vigie.triage.policy;

/** A policy rule: when every condition holds, its actions apply and it is named in the rationale. */
public record Rule(String id, String description, Condition when, Action then) {
}
