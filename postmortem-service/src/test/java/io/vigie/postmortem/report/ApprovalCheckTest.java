package io.vigie.postmortem.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalCheckTest {

    @Test
    void shouldFindNothingMissingInACompleteAnalysis() {
        assertThat(ApprovalCheck.missing(ReportFixtures.analysis("MFA everywhere"))).isEmpty();
    }

    @Test
    void shouldNameTheMissingRootCauseLessonAndActionOwner() {
        Analysis analysis = new Analysis(List.of("why"), "  ", null, Map.of(), Map.of(), List.of(),
                List.of(new Analysis.ActionItem(null, "Train the desk", "", LocalDate.of(2026, 12, 1),
                        Analysis.ActionKind.TRAINING, null)), false, null);

        assertThat(ApprovalCheck.missing(analysis)).containsExactly(
                "rootCause: the root cause is not stated",
                "lessonsLearned: at least one lesson learned is needed",
                "actionItems[0].owner: action 'Train the desk' has no owner");
    }

    @Test
    void shouldAcceptAPostmortemWithoutActionItems() {
        Analysis analysis = new Analysis(List.of(), "cause", null, Map.of(), Map.of(), List.of("lesson"), List.of(),
                false, null);

        assertThat(ApprovalCheck.missing(analysis)).isEmpty();
    }
}
