package io.vigie.triage.alert;

import java.util.Locale;

/** An observable, normalised so that a lookup is an exact hash match: values compare case-insensitively. */
public record Indicator(IndicatorType type, String value) {

    public Indicator {
        value = value.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
