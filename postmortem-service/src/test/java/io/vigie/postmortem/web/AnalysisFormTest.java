package io.vigie.postmortem.web;

import io.vigie.postmortem.report.Analysis;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisFormTest {

    @Test
    void shouldReadListsByLineAndSkipEmptyActionRows() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("fiveWhys", "first\r\n\n  second  ");
        form.add("rootCause", " cause ");
        form.add("rootCauseCategory", "PEOPLE");
        form.add("ishikawa.SUPPLIERS", "vendor");
        form.add("didNotWork.RECOVERY", "slow restore");
        form.add("lessonsLearned", "one\ntwo");
        form.addAll("actionDescription", List.of("Train", ""));
        form.addAll("actionOwner", List.of("carol", ""));
        form.addAll("actionDue", List.of("2026-12-01", ""));
        form.addAll("actionKind", List.of("TRAINING", "OTHER"));
        form.add("responsePlanChangeRequired", "on");
        List<String> errors = new ArrayList<>();

        Analysis analysis = AnalysisForm.read(form, errors);

        assertThat(errors).isEmpty();
        assertThat(analysis.fiveWhys()).containsExactly("first", "second");
        assertThat(analysis.rootCause()).isEqualTo("cause");
        assertThat(analysis.rootCauseCategory()).isEqualTo(Analysis.IshikawaCategory.PEOPLE);
        assertThat(analysis.ishikawa()).containsOnlyKeys(Analysis.IshikawaCategory.SUPPLIERS);
        assertThat(analysis.stageEvaluations().get(Analysis.ResponseStage.RECOVERY).didNotWork()).isEqualTo("slow restore");
        assertThat(analysis.lessonsLearned()).containsExactly("one", "two");
        assertThat(analysis.actionItems()).containsExactly(new Analysis.ActionItem(null, "Train", "carol",
                LocalDate.of(2026, 12, 1), Analysis.ActionKind.TRAINING, null));
        assertThat(analysis.responsePlanChangeRequired()).isTrue();
    }

    @Test
    void shouldTurnBadValuesIntoMessages() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("rootCauseCategory", "WEATHER");
        form.add("actionDescription", "Patch");
        form.add("actionDue", "next week");
        form.add("actionKind", "URGENT");
        form.add("actionId", "not-a-uuid");
        List<String> errors = new ArrayList<>();

        AnalysisForm.read(form, errors);

        assertThat(errors).containsExactly("Action 'Patch': due date 'next week' is not a date (yyyy-mm-dd)",
                "Unknown action id 'not-a-uuid'", "Unknown action kind 'URGENT'",
                "Unknown root-cause category 'WEATHER'");
    }
}
