package io.vigie.cases.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vigie.cases.incident.ActionType;
import io.vigie.cases.incident.Measure;
import io.vigie.cases.incident.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /**
     * An update for the clients: one text per language in {@code clientMessages}. {@code message} (with
     * {@code messageLanguage}, English when absent) and the free-text {@code measuresTaken} are the older form.
     */
    record ClientUpdate(
            @Schema(description = "What the clients are told, by language (fr, en, de); blank texts are ignored, at "
                    + "least one is required. A contact gets the text in their language only: contacts whose "
                    + "language has no text do not get this text.", example = "{\"fr\": \"…\", \"en\": \"…\"}")
            Map<String, String> clientMessages,
            @Schema(description = "Deprecated: one text in messageLanguage; use clientMessages", deprecated = true)
            @Size(max = 10_000) String message,
            @Schema(description = "Deprecated: the language of message (fr, en, de); en when absent",
                    deprecated = true)
            String messageLanguage,
            @Schema(description = "Measures taken, as codes that notification-service words in each contact's "
                    + "language")
            List<@NotNull Measure> measures,
            @Schema(description = "Deprecated: measures in free text, kept on the internal timeline only (no client "
                    + "reads them); use measures", deprecated = true)
            List<@NotBlank @Size(max = 2_000) String> measuresTaken,
            @Schema(description = "The plan in free text, for the internal record: a client reads only the texts of "
                    + "clientMessages, the measures and the estimated resolution time")
            @Size(max = 2_000) String resolutionPlan,
            Instant estimatedResolutionAt) {
    }

    record Dismissal(
            @Schema(description = "Why no client is to be told, for the record (the timeline, the post-mortem)",
                    example = "Lab host of the SOC, no client data or service on it")
            @NotBlank @Size(max = 2_000) String reason) {
    }

    record Attachment(
            @Schema(description = "The client, as the directory names it", example = "globex")
            @NotBlank @Size(max = 200) String clientId,
            @Schema(description = "Why it is affected, for the record (the timeline, the post-mortem)",
                    example = "The VPN concentrator is shared with globex since March")
            @NotBlank @Size(max = 2_000) String reason) {
    }

    record Detachment(
            @Schema(description = "Why it is not affected after all, for the record (the timeline, the post-mortem)",
                    example = "The host was moved to initech's tenant last week")
            @NotBlank @Size(max = 2_000) String reason) {
    }

    record NoticeApproval(
            @Schema(description = "Texts to add to the held notice, by language (fr, en, de); blank texts are "
                    + "ignored, none approves it as it is. A contact reads only the text of its language: contacts "
                    + "whose language has no text get the notice without an added text.",
                    example = "{\"fr\": \"…\", \"de\": \"…\"}")
            Map<String, String> clientMessages) {
    }

    record Answer(
            @Schema(description = "The answer, written in the contact's language (the message's language): "
                    + "notification-service sends it to that contact only")
            @NotBlank @Size(max = 10_000) String text) {
    }

    record Call(
            @Schema(description = "The client called or who called: one the incident concerns")
            @NotBlank @Size(max = 200) String clientId,
            @Schema(description = "Who was on the phone, e.g. \"Jane Doe, CISO\"")
            @NotBlank @Size(max = 200) String contact,
            @Schema(description = "When the call took place; now when absent, never in the future")
            Instant at,
            @Schema(description = "What was said, for the internal record")
            @NotBlank @Size(max = 10_000) String summary,
            @Schema(description = "The client message the call answered, if it did: it is then answered by phone")
            UUID answersMessageId) {
    }

    record Resolution(
            @Schema(description = "What was done, for the internal record (the case and the post-mortem); clients "
                    + "do not read it")
            @NotBlank @Size(max = 10_000) String summary,
            @Schema(description = "What the clients' resolution notice says in the analyst's words, by language "
                    + "(fr, en, de); blank texts are ignored")
            Map<String, String> clientMessages,
            List<@NotBlank String> correctiveActions,
            @NotNull Boolean dataCompromised) {
    }
}
