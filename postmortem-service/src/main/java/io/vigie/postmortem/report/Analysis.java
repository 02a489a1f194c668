package io.vigie.postmortem.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sections the team completes. Sent whole on every edit, so an edit is a plain replacement and a page and a
 * script can never leave a section half-merged.
 *
 * @param fiveWhys                   the chain of "why?" answers, first symptom first, the last one the root cause
 * @param rootCause                  the root cause in one statement
 * @param rootCauseCategory          which Ishikawa category the root cause belongs to (for trends across incidents)
 * @param ishikawa                   contributing causes by category
 * @param stageEvaluations           what worked and what did not, per stage of the response
 * @param responsePlanChangeRequired whether the response plan must change
 * @param responsePlanChange         how, when it must
 */
public record Analysis(
        @NotNull List<@NotBlank @Size(max = 2000) String> fiveWhys,
        @Size(max = 4000) String rootCause,
        IshikawaCategory rootCauseCategory,
        @NotNull Map<IshikawaCategory, List<@NotBlank @Size(max = 2000) String>> ishikawa,
        @NotNull Map<ResponseStage, @Valid StageEvaluation> stageEvaluations,
        @NotNull List<@NotBlank @Size(max = 4000) String> lessonsLearned,
        @NotNull @Size(max = 200) List<@Valid @NotNull ActionItem> actionItems,
        boolean responsePlanChangeRequired,
        @Size(max = 4000) String responsePlanChange) {

    public Analysis {
        fiveWhys = fiveWhys == null ? List.of() : List.copyOf(fiveWhys);
        ishikawa = ishikawa == null ? Map.of() : Map.copyOf(ishikawa);
        stageEvaluations = stageEvaluations == null ? Map.of() : Map.copyOf(stageEvaluations);
        lessonsLearned = lessonsLearned == null ? List.of() : List.copyOf(lessonsLearned);
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
    }

    public static Analysis empty() {
        return new Analysis(List.of(), null, null, Map.of(), Map.of(), List.of(), List.of(), false, null);
    }

    public Analysis withActionItems(List<ActionItem> items) {
        return new Analysis(fiveWhys, rootCause, rootCauseCategory, ishikawa, stageEvaluations, lessonsLearned, items,
                responsePlanChangeRequired, responsePlanChange);
    }

    /** The Ishikawa causes in the fixed category order, for reports. */
    public Map<IshikawaCategory, List<String>> ishikawaInOrder() {
        Map<IshikawaCategory, List<String>> ordered = new EnumMap<>(IshikawaCategory.class);
        ordered.putAll(ishikawa);
        return ordered;
    }

    /** The stage evaluations in the order of the response, for reports. */
    public Map<ResponseStage, StageEvaluation> stagesInOrder() {
        Map<ResponseStage, StageEvaluation> ordered = new EnumMap<>(ResponseStage.class);
        ordered.putAll(stageEvaluations);
        return ordered;
    }

    public enum IshikawaCategory { PEOPLE, PROCESS, TECHNOLOGY, ENVIRONMENT, SUPPLIERS, DETECTION }

    public enum ResponseStage { DETECTION, QUALIFICATION, CONTAINMENT, COMMUNICATION, RESOLUTION, RECOVERY }

    public record StageEvaluation(@Size(max = 4000) String worked, @Size(max = 4000) String didNotWork) {
    }

    public enum ActionKind { PREVENTIVE, PLAN_UPDATE, TRAINING, DETECTION, OTHER }

    /**
     * @param id                 assigned by the service; ignored when sent
     * @param completedAt        set when the item is marked done; ignored when sent
     * @param fromClientFeedback opened by a client's survey answer (and so kept out of the client summary); ignored
     *                           when sent, and may be left out (a boxed value: a request without it is not refused)
     */
    public record ActionItem(UUID id, @NotBlank @Size(max = 2000) String description, @Size(max = 200) String owner,
                             LocalDate dueDate, ActionKind kind, Instant completedAt, Boolean fromClientFeedback) {

        public ActionItem {
            kind = kind == null ? ActionKind.OTHER : kind;
            fromClientFeedback = Boolean.TRUE.equals(fromClientFeedback);
        }

        public ActionItem(UUID id, String description, String owner, LocalDate dueDate, ActionKind kind,
                          Instant completedAt) {
            this(id, description, owner, dueDate, kind, completedAt, false);
        }
    }
}
