package io.vigie.cases.api;

import io.vigie.cases.incident.ActionType;
import io.vigie.cases.incident.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** The bodies of the case commands. */
final class CaseRequests {

    private CaseRequests() {
    }

    record Note(@NotBlank @Size(max = 10_000) String text) {
    }

    record Action(@NotNull ActionType type, @NotBlank @Size(max = 10_000) String description) {
    }

    record Assignment(@NotBlank @Size(max = 200) String assignee) {
    }

    record SeverityChange(@NotNull Severity severity, @NotBlank @Size(max = 2_000) String reason) {
    }

    record ClientUpdate(@NotBlank @Size(max = 10_000) String message, List<@NotBlank String> measuresTaken,
                        @Size(max = 2_000) String resolutionPlan, Instant estimatedResolutionAt) {
    }

    record Resolution(@NotBlank @Size(max = 10_000) String summary, List<@NotBlank String> correctiveActions,
                      @NotNull Boolean dataCompromised) {
    }
}
