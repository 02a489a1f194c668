package io.vigie.cases.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One SLA clock of a case as it stood at the resolution, published on {@code IncidentResolved} so that the post-mortem
 * judges the response against the targets this service applied, not against a table of its own.
 *
 * @param clock  DETECT, CLASSIFY, NOTIFY, ACKNOWLEDGE or RESOLVE
 * @param endedAt null when the step never happened
 * @param met    null while the step has not happened and its deadline has not passed
 */
public record SlaResult(String clock, Instant startedAt, Instant endedAt, Duration target, Boolean met) {

    /** What the sla package computes for the resolution; declared here so that incident does not depend on sla. */
    public interface AtResolution {

        List<SlaResult> of(IncidentCase resolved);
    }
}
