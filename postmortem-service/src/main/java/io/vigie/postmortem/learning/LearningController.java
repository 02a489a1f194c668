package io.vigie.postmortem.learning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/learning")
class LearningController {

    private final Learning learning;

    LearningController(Learning learning) {
        this.learning = learning;
    }

    @GetMapping("/action-items")
    List<Learning.OpenActionItem> openActionItems() {
        return learning.openActionItems();
    }

    @GetMapping("/trends")
    Learning.Trends trends(@RequestParam(defaultValue = "12") @Min(1) @Max(120) int months) {
        return learning.trends(months);
    }
}
