package io.vigie.postmortem.web;

import io.vigie.postmortem.report.Analysis;
import io.vigie.postmortem.report.Analysis.ActionItem;
import io.vigie.postmortem.report.Analysis.ActionKind;
import io.vigie.postmortem.report.Analysis.IshikawaCategory;
import io.vigie.postmortem.report.Analysis.ResponseStage;
import io.vigie.postmortem.report.Analysis.StageEvaluation;
import org.springframework.util.MultiValueMap;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The page's form to and from an {@link Analysis}. Lists are text areas with one entry per line; action items are
 * rows of fields, and an empty row is no item.
 */
final class AnalysisForm {

    private AnalysisForm() {
    }

    static Analysis read(MultiValueMap<String, String> form, List<String> errors) {
        Map<IshikawaCategory, List<String>> ishikawa = new EnumMap<>(IshikawaCategory.class);
        for (IshikawaCategory category : IshikawaCategory.values()) {
            List<String> causes = lines(form.getFirst("ishikawa." + category.name()));
            if (!causes.isEmpty()) {
                ishikawa.put(category, causes);
            }
        }
        Map<ResponseStage, StageEvaluation> stages = new EnumMap<>(ResponseStage.class);
        for (ResponseStage stage : ResponseStage.values()) {
            String worked = blankToNull(form.getFirst("worked." + stage.name()));
            String didNotWork = blankToNull(form.getFirst("didNotWork." + stage.name()));
            if (worked != null || didNotWork != null) {
                stages.put(stage, new StageEvaluation(worked, didNotWork));
            }
        }
        List<ActionItem> items = new ArrayList<>();
        List<String> descriptions = form.getOrDefault("actionDescription", List.of());
        for (int i = 0; i < descriptions.size(); i++) {
            String description = blankToNull(descriptions.get(i));
            if (description == null) {
                continue;
            }
            String id = blankToNull(at(form, "actionId", i));
            String due = blankToNull(at(form, "actionDue", i));
            LocalDate dueDate = null;
            try {
                dueDate = due == null ? null : LocalDate.parse(due);
            } catch (DateTimeParseException e) {
                errors.add("Action '" + description + "': due date '" + due + "' is not a date (yyyy-mm-dd)");
            }
            items.add(new ActionItem(parse(id, UUID::fromString, "action id", errors), description,
                    blankToNull(at(form, "actionOwner", i)), dueDate,
                    parse(blankToNull(at(form, "actionKind", i)), ActionKind::valueOf, "action kind", errors), null));
        }
        return new Analysis(lines(form.getFirst("fiveWhys")), blankToNull(form.getFirst("rootCause")),
                parse(blankToNull(form.getFirst("rootCauseCategory")), IshikawaCategory::valueOf,
                        "root-cause category", errors), ishikawa, stages,
                lines(form.getFirst("lessonsLearned")), items, form.containsKey("responsePlanChangeRequired"),
                blankToNull(form.getFirst("responsePlanChange")));
    }

    /** A hand-made request can send anything: a bad value becomes a message on the page, not an error page. */
    private static <T> T parse(String value, Function<String, T> parser, String what, List<String> errors) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add("Unknown " + what + " '" + value + "'");
            return null;
        }
    }

    static String joined(List<String> lines) {
        return String.join("\n", lines);
    }

    private static String at(MultiValueMap<String, String> form, String name, int index) {
        List<String> values = form.getOrDefault(name, List.of());
        return index < values.size() ? values.get(index) : null;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
