package io.vigie.triage.policy;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The triage policy: read by every Vigie role, replaced by MANAGER only. */
@RestController
@RequestMapping("/api/policy")
class PolicyController {

    record Activated(String version, String description, int rules) {
    }

    record Version(String version, Instant activatedAt, String activatedBy, boolean active) {
    }

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final ActivePolicy activePolicy;

    PolicyController(ActivePolicy activePolicy) {
        this.activePolicy = activePolicy;
    }

    @GetMapping
    ResponseEntity<String> current() {
        Policy policy = activePolicy.get();
        return ResponseEntity.ok().contentType(YAML).header("Vigie-Policy-Version", policy.version()).body(policy.source());
    }

    @GetMapping("/versions")
    List<Version> versions() {
        String active = activePolicy.get().version();
        return activePolicy.history().stream()
                .map(stored -> new Version(stored.version(), stored.activatedAt(), stored.activatedBy(),
                        stored.version().equals(active)))
                .toList();
    }

    @PutMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    @PreAuthorize("hasRole('MANAGER')")
    Activated replace(@RequestBody String document, Authentication caller) {
        Policy policy = activePolicy.replace(document, caller.getName());
        return new Activated(policy.version(), policy.description(), policy.rules().size());
    }

    @ExceptionHandler(PolicyVersionConflictException.class)
    ProblemDetail conflict(PolicyVersionConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Policy version already used");
        return problem;
    }
}
