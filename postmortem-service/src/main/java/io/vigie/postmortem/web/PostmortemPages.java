package io.vigie.postmortem.web;

import io.vigie.postmortem.learning.Learning;
import io.vigie.postmortem.report.Analysis;
import io.vigie.postmortem.report.Postmortem;
import io.vigie.postmortem.report.PostmortemApprovedException;
import io.vigie.postmortem.report.PostmortemIncompleteException;
import io.vigie.postmortem.report.Postmortems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Server-rendered pages to read and complete post-mortems; the same rules as the API, through the same service. */
@Controller
class PostmortemPages {

    private final Postmortems postmortems;
    private final Learning learning;
    private final Validator validator;

    PostmortemPages(Postmortems postmortems, Learning learning, Validator validator) {
        this.postmortems = postmortems;
        this.learning = learning;
        this.validator = validator;
    }

    @GetMapping("/postmortems")
    String list(Model model) {
        model.addAttribute("postmortems", postmortems.list(null));
        return "postmortem/list";
    }

    @GetMapping("/learning")
    String learning(Model model) {
        model.addAttribute("actionItems", learning.openActionItems());
        model.addAttribute("trends", learning.trends(12));
        return "postmortem/learning";
    }

    @GetMapping("/postmortems/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Postmortem p = postmortems.get(id);
        model.addAttribute("p", p);
        model.addAttribute("form", new FormView(p.analysis()));
        model.addAttribute("ishikawaCategories", Analysis.IshikawaCategory.values());
        model.addAttribute("stages", Analysis.ResponseStage.values());
        model.addAttribute("actionKinds", Analysis.ActionKind.values());
        return "postmortem/detail";
    }

    @PostMapping("/postmortems/{id}/analysis")
    @PreAuthorize("hasAnyRole('ANALYST', 'MANAGER')")
    String revise(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Principal caller,
                  RedirectAttributes redirect) {
        List<String> errors = new ArrayList<>();
        Analysis analysis = AnalysisForm.read(form, errors);
        validator.validate(analysis).stream().map(PostmortemPages::describe).sorted().forEach(errors::add);
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("errors", errors);
        } else {
            try {
                postmortems.revise(id, analysis, caller.getName());
                redirect.addFlashAttribute("notice", "Saved.");
            } catch (PostmortemApprovedException e) {
                redirect.addFlashAttribute("errors", List.of(e.getMessage()));
            }
        }
        return "redirect:/postmortems/" + id;
    }

    @PostMapping("/postmortems/{id}/approval")
    @PreAuthorize("hasRole('MANAGER')")
    String approve(@PathVariable UUID id, Principal caller, RedirectAttributes redirect) {
        try {
            postmortems.approve(id, caller.getName());
            redirect.addFlashAttribute("notice", "Approved: the incident is closed.");
        } catch (PostmortemIncompleteException e) {
            redirect.addFlashAttribute("errors", e.missing());
        } catch (PostmortemApprovedException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        }
        return "redirect:/postmortems/" + id;
    }

    private static String describe(ConstraintViolation<Analysis> violation) {
        return violation.getPropertyPath() + ": " + violation.getMessage();
    }

    /** The analysis as the form's fields show it. */
    record FormView(String fiveWhys, String lessonsLearned, Analysis analysis) {

        FormView(Analysis analysis) {
            this(AnalysisForm.joined(analysis.fiveWhys()), AnalysisForm.joined(analysis.lessonsLearned()), analysis);
        }

        public String ishikawa(Analysis.IshikawaCategory category) {
            return AnalysisForm.joined(analysis.ishikawa().getOrDefault(category, List.of()));
        }

        public Analysis.StageEvaluation stage(Analysis.ResponseStage stage) {
            return analysis.stageEvaluations().getOrDefault(stage, new Analysis.StageEvaluation(null, null));
        }

        /** The items, then three empty rows for new ones. */
        public List<Analysis.ActionItem> rows() {
            List<Analysis.ActionItem> rows = new ArrayList<>(analysis.actionItems());
            for (int i = 0; i < 3; i++) {
                rows.add(new Analysis.ActionItem(null, null, null, null, null, null));
            }
            return rows;
        }
    }
}
