package io.vigie.postmortem.report;

import java.util.ArrayList;
import java.util.List;

/** What a post-mortem still lacks before a manager may approve it; empty when it is complete. */
final class ApprovalCheck {

    private ApprovalCheck() {
    }

    static List<String> missing(Analysis analysis) {
        List<String> missing = new ArrayList<>();
        if (analysis.rootCause() == null || analysis.rootCause().isBlank()) {
            missing.add("rootCause: the root cause is not stated");
        }
        if (analysis.lessonsLearned().stream().allMatch(String::isBlank)) {
            missing.add("lessonsLearned: at least one lesson learned is needed");
        }
        for (int i = 0; i < analysis.actionItems().size(); i++) {
            Analysis.ActionItem item = analysis.actionItems().get(i);
            if (item.owner() == null || item.owner().isBlank()) {
                missing.add("actionItems[" + i + "].owner: action '" + item.description() + "' has no owner");
            }
            if (item.dueDate() == null) {
                missing.add("actionItems[" + i + "].dueDate: action '" + item.description() + "' has no due date");
            }
        }
        return missing;
    }
}
