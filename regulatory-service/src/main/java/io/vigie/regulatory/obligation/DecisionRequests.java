package io.vigie.regulatory.obligation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * What a manager sends to decide, through the API's JSON or the incident page's forms: both validate these same
 * records, so a reason is mandatory in one place.
 */
public final class DecisionRequests {

    private DecisionRequests() {
    }

    public record Gdpr(@NotNull Boolean notifyAuthority, @NotNull Boolean highRiskToDataSubjects,
                       @NotBlank String reason) {
    }

    /** NIS2 significant or DORA major: confirmed ({@code applies}) or overridden. */
    public record Applicability(@NotNull Boolean applies, @NotBlank String reason) {
    }

    public record Awareness(@NotNull Instant awareAt, @NotBlank String reason) {
    }
}
