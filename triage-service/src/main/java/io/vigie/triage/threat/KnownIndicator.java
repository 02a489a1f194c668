package io.vigie.triage.threat;

import io.vigie.triage.alert.Indicator;

/** An indicator on the maintained known-threat list, with why it is there (feed, advisory, case). */
public record KnownIndicator(Indicator indicator, String description) {
}
