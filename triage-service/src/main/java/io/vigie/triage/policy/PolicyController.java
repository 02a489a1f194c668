package io.vigie.triage.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The triage policy: read by every Vigie role; replaced, restored and tried on samples by MANAGER only. */
@RestController
@RequestMapping("/api/policy")
class PolicyController {

    record Activated(String version, String description, int rules) {
    }

    record Restored(String version, String restoredFrom, String description, int rules) {
    }

    /**
     * @param restoredFrom the version a rollback activated again (absent for an upload)
     * @param shipped      the default shipped with the service, listed even before anyone restores it (no activation
     *                     time nor author then)
     */
    record Version(String version, Instant activatedAt, String activatedBy, boolean active,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String restoredFrom, boolean shipped) {
    }

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final ActivePolicy activePolicy;
    private final PolicyDryRun dryRun;

    PolicyController(ActivePolicy activePolicy, PolicyDryRun dryRun) {
        this.activePolicy = activePolicy;
        this.dryRun = dryRun;
    }

    @GetMapping
    ResponseEntity<String> current() {
        Policy policy = activePolicy.get();
        return ResponseEntity.ok().contentType(YAML).header("Vigie-Policy-Version", policy.version()).body(policy.source());
    }

    @GetMapping("/versions")
    List<Version> versions() {
        String active = activePolicy.get().version();
        List<Version> versions = new ArrayList<>(activePolicy.history().stream()
                .map(stored -> new Version(stored.version(), stored.activatedAt(), stored.activatedBy(),
                        stored.version().equals(active), stored.restoredFrom(), false))
                .toList());
        String shipped = activePolicy.shipped().version();
        if (versions.stream().noneMatch(version -> version.version().equals(shipped))) {
            versions.add(new Version(shipped, null, null, shipped.equals(active), null, true));
        }
        return versions;
    }

    @PutMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    @PreAuthorize("hasRole('MANAGER')")
    Activated replace(@RequestBody String document, Authentication caller) {
        Policy policy = activePolicy.replace(document, caller.getName());
        return new Activated(policy.version(), policy.description(), policy.rules().size());
    }

    /** Makes an earlier version's policy (the shipped default included) the active one again, as a new version. */
    @PostMapping("/versions/{version}/activation")
    @PreAuthorize("hasRole('MANAGER')")
    Restored restore(@PathVariable String version, Authentication caller) {
        Policy policy = activePolicy.restore(version, caller.getName());
        return new Restored(policy.version(), version, policy.description(), policy.rules().size());
    }

    /**
     * Classifies sample alerts with a policy that is not activated: MANAGER only, as it runs regular expressions the
     * caller wrote, for the one who may then activate the policy.
     */
    @PostMapping(path = "/dry-run", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('MANAGER')")
    PolicyDryRun.Outcome dryRun(@RequestBody PolicyDryRun.Request request) {
        return dryRun.run(request);
    }
}
