package io.vigie.triage.policy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.platform.web.problem.NotFoundException;
import io.vigie.triage.document.AfterCommit;
import io.vigie.triage.policy.internal.PolicyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The policy every classification uses: the last one activated through the API, else the default shipped with the
 * service. A new one is validated whole before it is stored, and swapped in only after its commit; a refused one
 * changes nothing.
 */
@Component
public class ActivePolicy {

    static final String DEFAULT_POLICY = "policy/default-policy.yml";
    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);

    private final PolicyRepository repository;
    private final Clock clock = Clock.systemUTC();
    private final Policy shipped = defaultPolicy();
    private volatile Policy policy;

    ActivePolicy(PolicyRepository repository, MeterRegistry meters) {
        this.repository = repository;
        this.policy = repository.latest().map(ActivePolicy::read).orElse(shipped);
        log.info("Triage policy {} active ({} rules)", policy.version(), policy.rules().size());
        Gauge.builder("vigie.triage.policy.rules", () -> this.policy.rules().size())
                .description("Rules in the active triage policy").register(meters);
    }

    public Policy get() {
        return policy;
    }

    /**
     * Validates and activates a policy document.
     *
     * @throws io.vigie.triage.web.InvalidInputException with every mistake's line; the active policy stays
     * @throws PolicyVersionConflictException when the version was used before
     */
    @Transactional
    public Policy replace(String document, String actor) {
        Policy candidate = PolicyParser.parse(document);
        if (repository.exists(candidate.version()) || candidate.version().equals(policy.version())) {
            throw new PolicyVersionConflictException(candidate.version());
        }
        repository.save(candidate, clock.instant(), actor, null);
        AfterCommit.run(() -> {
            policy = candidate;
            log.info("Triage policy {} activated by {} ({} rules)", candidate.version(), actor, candidate.rules().size());
        });
        return candidate;
    }

    /**
     * A rollback: activates the document of an earlier version (one stored, or the shipped default) again, under a
     * new version {@code <version>+restored.<n>}, recorded with who did it. The history is never rewritten: the
     * {@code policyVersion} of every classification keeps naming the document that made it. The document is
     * validated as an upload is, so one from before client wording left the policy is refused with its lines.
     *
     * @throws NotFoundException when no such version was ever activated or shipped
     */
    @Transactional
    public Policy restore(String version, String actor) {
        String document = repository.find(version).map(PolicyRepository.StoredPolicy::document)
                .or(() -> Optional.of(shipped).filter(p -> p.version().equals(version)).map(Policy::source))
                .orElseThrow(() -> new NotFoundException("No policy version " + version
                        + " was ever activated or shipped; GET /api/policy/versions lists them"));
        String next = nextRestoredVersion(version);
        Policy restored = PolicyParser.parse(PolicyParser.withVersion(document, next));
        try {
            repository.save(restored, clock.instant(), actor, version);
        } catch (DuplicateKeyException e) {
            // Another manager restored the same version at the same moment and took the name first.
            throw new PolicyVersionConflictException(next);
        }
        AfterCommit.run(() -> {
            policy = restored;
            log.info("Triage policy {} activated by {}: the document of {} restored ({} rules)", restored.version(),
                    actor, version, restored.rules().size());
        });
        return restored;
    }

    /** {@code base+restored.n}, the first n unused; a restored version restored again counts from its original. */
    private String nextRestoredVersion(String version) {
        String base = version.replaceFirst("\\+restored\\.\\d+$", "");
        for (int n = 1; ; n++) {
            String suffix = "+restored." + n;
            String candidate = base.substring(0, Math.min(base.length(), 100 - suffix.length())) + suffix;
            if (!repository.exists(candidate) && !candidate.equals(policy.version())) {
                return candidate;
            }
        }
    }

    /** The default shipped with the service, a version any rollback may return to. */
    Policy shipped() {
        return shipped;
    }

    /** Takes up a policy another instance activated; the default stays until one was activated anywhere. */
    void refreshIfChanged() {
        repository.latestVersion().filter(version -> !version.equals(policy.version()))
                .flatMap(version -> repository.latest())
                .ifPresent(stored -> {
                    policy = read(stored);
                    log.info("Triage policy {} taken up (activated by {} on another instance)", stored.version(),
                            stored.activatedBy());
                });
    }

    List<PolicyRepository.StoredPolicy> history() {
        return repository.history();
    }

    /**
     * A policy activated before: one from before the client wording left the policy language keeps classifying
     * (what it decides is unchanged; its sentences are not published any more), and says so until it is replaced.
     */
    private static Policy read(PolicyRepository.StoredPolicy stored) {
        PolicyParser.Stored read = PolicyParser.parseStored(stored.document());
        if (!read.ignored().isEmpty()) {
            log.warn("Triage policy {} (activated by {}) holds keys the policy language no longer has; they are "
                            + "ignored, and a new version without them must be activated: {}", stored.version(),
                    stored.activatedBy(), read.ignored().stream()
                            .map(error -> "line " + error.line() + ": " + error.message()).toList());
        }
        return read.policy();
    }

    static Policy defaultPolicy() {
        try {
            return PolicyParser.parse(new ClassPathResource(DEFAULT_POLICY).getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The default triage policy " + DEFAULT_POLICY + " cannot be read", e);
        }
    }
}
