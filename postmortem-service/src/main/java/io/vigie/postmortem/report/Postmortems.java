package io.vigie.postmortem.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.events.Topics;
import io.vigie.platform.outbox.Outbox;
import io.vigie.postmortem.incident.Incident;
import io.vigie.postmortem.incident.IncidentProjection;
import io.vigie.postmortem.incident.IncidentResolvedInProjection;
import io.vigie.postmortem.report.internal.ClientFeedbacks;
import io.vigie.postmortem.report.internal.PostmortemRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Drafts post-mortems, lets the team complete them, and closes the incident when one is approved. */
@Service
public class Postmortems {

    private final PostmortemRepository repository;
    private final IncidentProjection incidents;
    private final ClientFeedbacks feedbacks;
    private final Outbox outbox;
    private final Clock clock;
    private final Timer resolutionToClosure;

    Postmortems(PostmortemRepository repository, IncidentProjection incidents, ClientFeedbacks feedbacks, Outbox outbox, Clock clock, MeterRegistry meters) {
        this.repository = repository;
        this.incidents = incidents;
        this.feedbacks = feedbacks;
        this.outbox = outbox;
        this.clock = clock;
        this.resolutionToClosure = Timer.builder("vigie.postmortem.resolution.to.closure")
                .description("From the incident's resolution to the approval of its post-mortem")
                .register(meters);
    }

    /** In the listener's transaction: the draft commits with the resolution and the event's claim. */
    @EventListener
    void draft(IncidentResolvedInProjection resolved) {
        Incident incident = resolved.incident();
        if (repository.insertDraft(UUID.randomUUID(), incident, clock.instant())) {
            feedbacks.followUp(incident.id());
        } else {
            repository.refreshDraft(incident);
        }
    }

    @Transactional(readOnly = true)
    public Postmortem get(UUID id) {
        return view(repository.find(id, false).orElseThrow(() -> new PostmortemNotFoundException(id.toString())));
    }

    @Transactional(readOnly = true)
    public Postmortem forIncident(UUID incidentId) {
        return view(repository.findByIncident(incidentId)
                .orElseThrow(() -> new PostmortemNotFoundException("for incident " + incidentId)));
    }

    @Transactional(readOnly = true)
    public List<Postmortem> list(Postmortem.Status status) {
        return repository.list(status).stream().map(this::view).toList();
    }

    @Transactional
    public Postmortem revise(UUID id, Analysis analysis, String actor) {
        PostmortemRepository.Row row = lockDraft(id);
        // Keep the ids and completion of items that stay, so links to an action item survive an edit.
        List<Analysis.ActionItem> known = row.analysis().actionItems();
        List<Analysis.ActionItem> items = analysis.actionItems().stream().map(item -> {
            Analysis.ActionItem previous = item.id() == null ? null
                    : known.stream().filter(k -> k.id().equals(item.id())).findFirst().orElse(null);
            return new Analysis.ActionItem(previous == null ? UUID.randomUUID() : previous.id(), item.description(),
                    item.owner(), item.dueDate(), item.kind(), previous == null ? null : previous.completedAt(),
                    previous != null && previous.fromClientFeedback());
        }).toList();
        repository.updateAnalysis(id, analysis.withActionItems(items), actor, clock.instant());
        return get(id);
    }

    /** Approves, freezes the report and appends IncidentClosed to the outbox, all in one transaction. */
    @Transactional
    public Postmortem approve(UUID id, String actor) {
        Postmortem postmortem = view(lockDraft(id));
        if (!postmortem.missingForApproval().isEmpty()) {
            throw new PostmortemIncompleteException(postmortem.missingForApproval());
        }
        // Millisecond precision, as IncidentClosed carries it: the event and the report show the same instant.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        repository.approve(id, actor, now, postmortem.incident());
        Postmortem approved = get(id);
        outbox.append(Topics.INCIDENT_CLOSED, approved.incidentId().toString(), IncidentClosedMapper.toEvent(approved));
        if (approved.incident().resolvedAt() != null) {
            resolutionToClosure.record(Duration.between(approved.incident().resolvedAt(), now));
        }
        return approved;
    }

    /** Following an action item up is not an edit of the report, so it is allowed after approval too. */
    @Transactional
    public void completeActionItem(UUID itemId) {
        if (!repository.completeActionItem(itemId, clock.instant()) && !repository.actionItemExists(itemId)) {
            throw new PostmortemNotFoundException("has action item " + itemId);
        }
    }

    private PostmortemRepository.Row lockDraft(UUID id) {
        PostmortemRepository.Row row = repository.find(id, true)
                .orElseThrow(() -> new PostmortemNotFoundException(id.toString()));
        if (row.status() == Postmortem.Status.APPROVED) {
            throw new PostmortemApprovedException(view(row));
        }
        return row;
    }

    private Postmortem view(PostmortemRepository.Row row) {
        Incident incident = row.approvedFacts() != null ? row.approvedFacts()
                : incidents.find(row.incidentId()).orElseGet(() -> Incident.unknown(row.incidentId()));
        return new Postmortem(row.id(), row.incidentId(), row.status(), row.createdAt(), row.updatedAt(),
                row.updatedBy(), row.approvedBy(), row.approvedAt(), incident, incidents.timeline(row.incidentId()),
                ResponseMetrics.of(incident), row.analysis(),
                row.status() == Postmortem.Status.APPROVED ? List.of() : ApprovalCheck.missing(row.analysis()),
                feedbacks.of(row.incidentId()));
    }
}
