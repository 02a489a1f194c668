package io.vigie.triage.policy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.triage.document.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

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
    private volatile Policy policy;

    ActivePolicy(PolicyRepository repository, MeterRegistry meters) {
        this.repository = repository;
        this.policy = repository.latest().map(ActivePolicy::read).orElseGet(ActivePolicy::defaultPolicy);
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
        repository.save(candidate, clock.instant(), actor);
        AfterCommit.run(() -> {
            policy = candidate;
            log.info("Triage policy {} activated by {} ({} rules)", candidate.version(), actor, candidate.rules().size());
        });
        return candidate;
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
                            .map(error -> "line " + error.line() + ": " + error.reason()).toList());
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
