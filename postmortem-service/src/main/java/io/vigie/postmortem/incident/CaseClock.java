package io.vigie.postmortem.incident;

import java.time.Instant;

/**
 * One SLA clock as case-service ran it, received with the resolution: the post-mortem judges each step of the response
 * against the target case-service applied, since case-service owns the targets.
 *
 * @param step    detect, classify, notify, acknowledge or resolve
 * @param endedAt null when the step never happened
 * @param met     null when the step had not happened and its deadline had not passed at the resolution
 */
public record CaseClock(String step, Instant startedAt, Instant endedAt, long targetSeconds, Boolean met) {
}
