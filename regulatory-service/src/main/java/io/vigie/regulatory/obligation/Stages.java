package io.vigie.regulatory.obligation;

import io.vigie.events.RegulatoryChange;
import io.vigie.platform.web.problem.NotFoundException;
import io.vigie.regulatory.RefusedException;
import io.vigie.regulatory.obligation.internal.StageRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The report stages and their clocks. Every change of a stage is published as RegulatoryReportChanged in the same
 * transaction as the row change (transactional outbox): the row and the event happen both or neither.
 */
@Service
public class Stages {

    private final StageRepository stages;
    private final RegulatoryEvents events;
    private final Clock clock;

    Stages(StageRepository stages, RegulatoryEvents events, Clock clock) {
        this.stages = stages;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Stage> ofIncident(UUID incidentId) {
        return stages.ofIncident(incidentId);
    }

    @Transactional(readOnly = true)
    public Stage get(UUID incidentId, String clientId, ReportKind kind) {
        return stages.find(incidentId, clientId, kind).orElseThrow(() -> new NotFoundException("No " + kind
                + " report for client " + clientId + " in incident " + incidentId));
    }

    @Transactional(readOnly = true)
    public Optional<Stage> find(UUID incidentId, String clientId, ReportKind kind) {
        return stages.find(incidentId, clientId, kind);
    }

    @Transactional(readOnly = true)
    public List<Stage> unannounced() {
        return stages.unannounced();
    }

    /** Every report not yet submitted nor withdrawn, of every incident, soonest due first (no deadline last). */
    @Transactional(readOnly = true)
    public List<Stage> pending() {
        return stages.pendingBySoonestDue();
    }

    @Transactional(readOnly = true)
    public List<Stage> allOpen() {
        return stages.allOpen();
    }

    /**
     * Records the submission, stops the stage's clock and opens the stage the law asks next (NIS2 final report after
     * the incident notification; DORA intermediate after the initial notification, final after the intermediate), in
     * the caller's transaction.
     *
     * @throws RefusedException (409) when the stage is no longer open: submitted or withdrawn
     */
    @Transactional
    public Stage submit(Stage stage, Stage.Submission submission) {
        if (!stages.submit(stage.id(), submission)) {
            throw RefusedException.conflict(stage.kind() + " for client " + stage.clientId() + " is not open: "
                    + stages.find(stage.id()).map(Stage::status).orElse(null));
        }
        Stage submitted = stages.find(stage.id()).orElseThrow();
        events.publish(submitted, RegulatoryChange.SUBMITTED, submission.submittedBy(), submission.delayReason());
        ReportKind next = stage.kind().next();
        if (next != null) {
            open(stage.incidentId(), stage.clientId(), next, submission.submittedAt(),
                    Deadlines.due(next, null, null, submission.submittedAt()), submission.submittedBy(),
                    "Opened by the submission of " + stage.kind());
        }
        return submitted;
    }

    /** Announces that the stage is due soon, unless another instance or tick already did. */
    @Transactional
    public boolean warn(Stage stage) {
        if (stages.claimWarning(stage.id(), clock.instant())) {
            events.publish(stage, RegulatoryChange.DUE_SOON, null, null);
            return true;
        }
        return false;
    }

    /** Announces that the stage is overdue, unless another instance or tick already did. */
    @Transactional
    public boolean overdue(Stage stage) {
        if (stages.claimOverdue(stage.id(), clock.instant())) {
            events.publish(stage, RegulatoryChange.OVERDUE, null, null);
            return true;
        }
        return false;
    }

    // The mutations below run in the caller's transaction (a trigger or a decision).

    boolean open(UUID incidentId, String clientId, ReportKind kind, Instant clockStart, Instant dueAt, String actor,
                 String reason) {
        Instant now = now();
        if (!stages.insert(UUID.randomUUID(), incidentId, clientId, kind, clockStart, dueAt, now)) {
            return false;
        }
        events.publish(stages.find(incidentId, clientId, kind).orElseThrow(), RegulatoryChange.OPENED, actor, reason);
        return true;
    }

    void withdraw(Stage stage, String actor, String reason) {
        if (stages.withdraw(stage.id(), reason)) {
            events.publish(stages.find(stage.id()).orElseThrow(), RegulatoryChange.WITHDRAWN, actor, reason);
        }
    }

    /** Re-opens a withdrawn stage (a manager reversed the decision that withdrew it), with its deadline now. */
    void reopen(Stage stage, Instant clockStart, Instant dueAt, String actor, String reason) {
        if (stages.reopen(stage.id(), clockStart, dueAt)) {
            events.publish(stages.find(stage.id()).orElseThrow(), RegulatoryChange.OPENED, actor, reason);
        }
    }

    void decided(Stage stage, String actor, String reason) {
        events.publish(stage, RegulatoryChange.DECIDED, actor, reason);
    }

    void moveDeadline(Stage stage, Instant clockStart, Instant dueAt, String actor, String reason) {
        if (Objects.equals(stage.dueAt(), dueAt) && Objects.equals(stage.clockStart(), clockStart)) {
            return;
        }
        stages.moveDeadline(stage.id(), clockStart, dueAt);
        if (!Objects.equals(stage.dueAt(), dueAt)) {
            events.publish(stages.find(stage.id()).orElseThrow(), RegulatoryChange.DEADLINE_CHANGED, actor, reason);
        }
    }

    List<Stage> openStages(UUID incidentId, String clientId) {
        return stages.open(incidentId, clientId);
    }

    /** Millisecond precision, as the events carry it: the API and the events show the same instants. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
