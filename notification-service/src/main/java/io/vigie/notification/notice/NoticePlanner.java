package io.vigie.notification.notice;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.events.Topics;
import io.vigie.notification.InvalidInputException;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.incident.Category;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.internal.IncidentStore;
import io.vigie.notification.notice.internal.NoticeWriter;
import io.vigie.platform.outbox.ProcessedEvents;
import io.vigie.platform.web.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Decides which notices the communication plan calls for. Each entry point is one transaction: it claims the event
 * (a redelivery or replay changes nothing), records what it learned of the incident and creates the notices with
 * their deliveries. Sending happens after the commit, so a rollback never leaves a sent notice behind.
 *
 * <p>Who is told: the clients triage lists as affected (the inventory or a source bound to them vouches for them).
 * Suggested clients are remembered and told only once an analyst confirms them. What a later notice says is what
 * changed since the client's previous one; an UPDATE that would say nothing new to a contact is not sent to them
 * (a scheduled one is: its cadence was promised).
 */
@Service
class NoticePlanner {

    private static final Logger log = LoggerFactory.getLogger(NoticePlanner.class);

    private final ProcessedEvents processedEvents;
    private final IncidentStore incidents;
    private final NoticeWriter writer;
    private final ClientDirectory directory;
    private final NoticeProperties properties;
    private final EscalationProperties escalation;
    private final NoticeHolds holds;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    NoticePlanner(ProcessedEvents processedEvents, IncidentStore incidents, NoticeWriter writer,
                  ClientDirectory directory, NoticeProperties properties, EscalationProperties escalation,
                  NoticeHolds holds, ApplicationEventPublisher events, MeterRegistry meters,
                  Clock clock) {
        this.processedEvents = processedEvents;
        this.incidents = incidents;
        this.writer = writer;
        this.directory = directory;
        this.properties = properties;
        this.escalation = escalation;
        this.holds = holds;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * OPENED: an INITIAL notice to each affected client; ESCALATED: an UPDATE saying what changed (INITIAL to newly
     * affected clients). Suggested clients are recorded for an analyst to confirm, whatever the change.
     */
    @Transactional
    public void classified(Classification classification) {
        if (!processedEvents.claim(classification.eventId(), Topics.ALERT_CLASSIFIED)) {
            return;
        }
        UUID incidentId = classification.incidentId();
        boolean known = incidents.find(incidentId).isPresent();
        if (classification.change() == Classification.Change.ATTACHED) {
            if (known) {
                classification.suggestedClients().forEach(client -> incidents.suggest(incidentId, client));
            }
            return;
        }
        IncidentFacts facts = classification.facts();
        if (!known) {
            incidents.insert(incidentId, facts, classification.classifiedAt());
        } else {
            incidents.updateFacts(incidentId, facts);
        }
        classification.clients().forEach(client -> incidents.addClient(incidentId, client));
        classification.suggestedClients().forEach(client -> incidents.suggest(incidentId, client));
        int planned = 0;
        if (facts.severity() == Severity.CRITICAL && escalation.enabled()) {
            // Whatever triage decided for the clients; once per incident (the notice's uniqueness sees to it).
            planned += create(onDuty(), incidentId, Stage.INITIAL, 1,
                    facts.forClient(AffectedClient.unknown(Client.ON_DUTY, facts.personalData())),
                    true);
        }
        if (!classification.notifyClients()) {
            announce(planned);
            return;
        }
        Integer updateSequence = null;
        for (AffectedClient affected : classification.clients()) {
            if (incidents.isDetached(incidentId, affected.clientId())) {
                // An analyst detached it from this incident: an alert naming it again does not overrule that decision.
                continue;
            }
            Optional<Client> client = recipient(affected.clientId(), facts.severity());
            if (client.isEmpty()) {
                continue;
            }
            if (!writer.exists(incidentId, affected.clientId(), Stage.INITIAL)) {
                planned += first(client.get(), incidentId, facts, affected);
            } else if (classification.change() == Classification.Change.ESCALATED) {
                NoticeContent update = changedFor(incidentId, facts, affected);
                if (update.changes().isEmpty()) {
                    continue;
                }
                if (updateSequence == null) {
                    updateSequence = incidents.nextUpdateSequence(incidentId);
                }
                planned += told(client.get(), incidentId, updateSequence, update, affected);
            }
        }
        announce(planned);
    }

    /**
     * A step on the incident. Confirmed (or attached) clients get the notice a newly affected client gets now: the
     * INITIAL notice with the incident as it stands, or, for one told before and detached since, an UPDATE with what
     * changed since its last notice. Detached clients get nothing more: their scheduled updates stop and no later
     * notice names them (nothing is sent to tell them so). When the analysts want the clients to hear it, each told
     * client gets an UPDATE with what changed and the analyst's text in their contacts' languages.
     */
    @Transactional
    public void updated(IncidentUpdate update) {
        if (!processedEvents.claim(update.eventId(), Topics.INCIDENT_UPDATED)) {
            return;
        }
        Optional<IncidentStore.IncidentRow> incident = incidents.find(update.incidentId());
        if (incident.isEmpty()) {
            log.warn("IncidentUpdated for incident {} that was never classified here: no client to tell",
                    update.incidentId());
            return;
        }
        UUID incidentId = update.incidentId();
        if (update.approvedNoticeId() != null) {
            approve(update);
            return;
        }
        IncidentFacts facts = incident.get().facts().with(update.change());
        incidents.updateFacts(incidentId, facts);
        int planned = 0;
        for (String clientId : update.clients().detached()) {
            incidents.detach(incidentId, clientId, clock.instant());
        }
        for (String clientId : update.clients().confirmed()) {
            boolean wasDetached = incidents.reattach(incidentId, clientId);
            AffectedClient affected = incidents.suggested(incidentId, clientId)
                    .or(() -> incidents.client(incidentId, clientId))
                    .orElse(AffectedClient.unknown(clientId, facts.personalData()));
            incidents.addClient(incidentId, affected);
            Optional<Client> client = recipient(clientId, facts.severity());
            if (client.isEmpty() || incident.get().status() != IncidentStore.Status.OPEN) {
                continue;
            }
            if (!writer.exists(incidentId, clientId, Stage.INITIAL)) {
                planned += first(client.get(), incidentId, facts, affected);
            } else if (wasDetached) {
                // Told before, then detached: it learns what changed while it heard nothing, under its subject. Sent
                // as a scheduled UPDATE is, even when nothing changed: it must hear that it is concerned again.
                planned += told(client.get(), incidentId, incidents.nextUpdateSequence(incidentId),
                        changedFor(incidentId, facts, affected).saying(NoticeContent.Words.NONE, true), affected);
            }
        }
        if (update.notifyClients() && update.clients().confirmed().isEmpty()) {
            int sequence = incidents.nextUpdateSequence(incidentId);
            for (String clientId : writer.clientsTold(incidentId)) {
                Optional<Client> client = directory.find(clientId);
                if (client.isEmpty()) {
                    continue;
                }
                AffectedClient affected = affected(incidentId, clientId, facts);
                NoticeContent content = changedFor(incidentId, facts, affected)
                        .saying(NoticeContent.Words.message(update.messages()), false);
                planned += told(client.get(), incidentId, sequence, content, affected);
            }
        }
        announce(planned);
    }

    /** A communications user approved a held notice from the ops dashboard: it goes out now, with their texts. */
    private void approve(IncidentUpdate update) {
        switch (holds.approve(update.approvedNoticeId(), update.actor(), update.messages())) {
            case RELEASED -> log.info("Notice {} approved by {}, sending", update.approvedNoticeId(), update.actor());
            case ALREADY_RELEASED -> log.info("Notice {} approved by {} had already gone out",
                    update.approvedNoticeId(), update.actor());
            case NOT_HELD -> log.warn("Approval by {} of notice {}, which was never held here: nothing to send",
                    update.actor(), update.approvedNoticeId());
        }
    }

    /** The incident is resolved: a RESOLUTION notice to every client told about it; no more scheduled updates. */
    @Transactional
    public void resolved(Resolution resolution) {
        if (!processedEvents.claim(resolution.eventId(), Topics.INCIDENT_RESOLVED)) {
            return;
        }
        Optional<IncidentStore.IncidentRow> incident = incidents.find(resolution.incidentId());
        IncidentFacts facts = incident.map(IncidentStore.IncidentRow::facts)
                .orElse(new IncidentFacts(resolution.category(), resolution.severity(), null, false, List.of(),
                        List.of(), null));
        incident.ifPresent(row -> incidents.setStatus(row.id(), IncidentStore.Status.RESOLVED));
        announce(toldClients(resolution.incidentId(), Stage.RESOLUTION, facts, resolution.clientIds(),
                content -> content.resolved(resolution.dataCompromised())
                        .saying(NoticeContent.Words.message(resolution.messages()), false)));
    }

    /** The post-mortem closed the incident: a FOLLOW_UP notice with lessons and the satisfaction survey. */
    @Transactional
    public void closed(Closure closure) {
        if (!processedEvents.claim(closure.eventId(), Topics.INCIDENT_CLOSED)) {
            return;
        }
        Optional<IncidentStore.IncidentRow> incident = incidents.find(closure.incidentId());
        if (incident.isEmpty() && closure.clientIds().isEmpty()) {
            log.warn("IncidentClosed for incident {} unknown here and naming no client", closure.incidentId());
            return;
        }
        IncidentFacts facts = incident.map(IncidentStore.IncidentRow::facts)
                .orElse(new IncidentFacts(Category.OTHER, Severity.LOW, null, false, List.of(), List.of(), null));
        incident.ifPresent(row -> incidents.setStatus(row.id(), IncidentStore.Status.CLOSED));
        announce(toldClients(closure.incidentId(), Stage.FOLLOW_UP, facts, closure.clientIds(),
                content -> content.resolved(null).saying(NoticeContent.Words.message(closure.messages()), false)));
    }

    /**
     * An UPDATE to one client that asks for its formal agreement (e.g. to isolate its machines), in the language of
     * each of its contacts; the answer comes back through the notice's signed agreement link. Returns the notice id.
     */
    @Transactional
    public UUID requestAgreement(UUID incidentId, String clientId, Map<String, String> questions) {
        IncidentStore.IncidentRow incident = incidents.find(incidentId)
                .orElseThrow(() -> new NotFoundException("No incident " + incidentId + " here"));
        if (!writer.exists(incidentId, clientId, Stage.INITIAL)) {
            throw new NotFoundException("Client " + clientId + " was not told about incident " + incidentId);
        }
        Client client = directory.find(clientId)
                .orElseThrow(() -> new NotFoundException("No client " + clientId + " in the directory"));
        List<Map<String, String>> missing = new ArrayList<>();
        client.contacts().stream().map(Contact::language).distinct().filter(language -> !questions.containsKey(language))
                .forEach(language -> missing.add(InvalidInputException.field("questions." + language,
                        "required: a contact of " + clientId + " reads " + language)));
        if (!missing.isEmpty()) {
            throw InvalidInputException.badRequest(missing);
        }
        AffectedClient affected = affected(incidentId, clientId, incident.facts());
        NoticeContent content = changedFor(incidentId, incident.facts(), affected)
                .saying(NoticeContent.Words.question(questions), false);
        int sequence = incidents.nextUpdateSequence(incidentId);
        announce(told(client, incidentId, sequence, content, affected));
        return NoticeWriter.noticeId(incidentId, clientId, Stage.UPDATE, sequence);
    }

    /** Told clients whose scheduled UPDATE is due, oldest first. */
    public List<IncidentStore.DueUpdate> dueForUpdate() {
        return incidents.dueForUpdate(clock.instant(), 100);
    }

    /**
     * Sends one client's scheduled UPDATE if it is still due. Several instances may call this: the update is taken by
     * moving the client's schedule, which only one of them can do.
     */
    @Transactional
    public int scheduledUpdate(IncidentStore.DueUpdate due) {
        Optional<IncidentStore.IncidentRow> incident = incidents.find(due.incidentId());
        Optional<Client> client = directory.find(due.clientId());
        if (incident.isEmpty() || incident.get().status() != IncidentStore.Status.OPEN) {
            return 0;
        }
        IncidentFacts facts = incident.get().facts();
        Instant now = clock.instant();
        Instant next = client.map(c -> cadence(c, facts.severity())).map(now::plus).orElse(null);
        if (!incidents.takeScheduledUpdate(due.incidentId(), due.clientId(), due.dueAt(), next) || client.isEmpty()) {
            return 0;
        }
        AffectedClient affected = affected(due.incidentId(), due.clientId(), facts);
        NoticeContent content = changedFor(due.incidentId(), facts, affected).saying(NoticeContent.Words.NONE, true);
        int planned = told(client.get(), due.incidentId(), incidents.nextUpdateSequence(due.incidentId()), content,
                affected);
        announce(planned);
        return planned;
    }

    private Duration cadence(Client client, Severity severity) {
        return properties.updateEvery(client, severity);
    }

    private int first(Client client, UUID incidentId, IncidentFacts facts, AffectedClient affected) {
        int created = create(client, incidentId, Stage.INITIAL, 1, facts.forClient(affected),
                affected.emailMayBeCompromised());
        schedule(client, incidentId, facts.severity());
        return created;
    }

    private int told(Client client, UUID incidentId, int sequence, NoticeContent content, AffectedClient affected) {
        int created = create(client, incidentId, Stage.UPDATE, sequence, content, affected.emailMayBeCompromised());
        if (created > 0) {
            schedule(client, incidentId, content.facts().severity());
        }
        return created;
    }

    /** The incident as the client is told it now, with what changed since its previous notice, under its subject. */
    private NoticeContent changedFor(UUID incidentId, IncidentFacts facts, AffectedClient affected) {
        NoticeContent now = facts.forClient(affected);
        Optional<NoticeContent> told = writer.lastTold(incidentId, affected.clientId());
        return told.map(previous -> now.withSubject(previous.subjectCategory())
                .withChanges(NoticeContent.Changes.between(previous, now))).orElse(now);
    }

    private int toldClients(UUID incidentId, Stage stage, IncidentFacts facts, List<String> fallbackClientIds,
                            UnaryOperator<NoticeContent> content) {
        List<String> told = writer.clientsTold(incidentId);
        // An incident this service never saw classified: the event's own list of clients is all there is. One it saw
        // but told no client about (notifyClients false, all below their minimum) stays untold: no RESOLUTION or
        // survey about an incident a client never heard of.
        boolean unknownIncident = told.isEmpty() && incidents.find(incidentId).isEmpty();
        int planned = 0;
        for (String clientId : unknownIncident ? fallbackClientIds : told) {
            Optional<Client> client = unknownIncident ? recipient(clientId, facts.severity())
                    : directory.find(clientId);
            if (client.isEmpty()) {
                continue;
            }
            AffectedClient affected = affected(incidentId, clientId, facts);
            NoticeContent base = facts.forClient(affected);
            NoticeContent subject = writer.lastTold(incidentId, clientId)
                    .map(previous -> base.withSubject(previous.subjectCategory())).orElse(base);
            planned += create(client.get(), incidentId, stage, 1, content.apply(subject),
                    affected.emailMayBeCompromised());
        }
        return planned;
    }

    private AffectedClient affected(UUID incidentId, String clientId, IncidentFacts facts) {
        return incidents.client(incidentId, clientId).orElse(AffectedClient.unknown(clientId, facts.personalData()));
    }

    private void schedule(Client client, UUID incidentId, Severity severity) {
        Duration every = cadence(client, severity);
        incidents.scheduleUpdate(incidentId, client.id(), every == null ? null : clock.instant().plus(every));
    }

    private int create(Client client, UUID incidentId, Stage stage, int sequence, NoticeContent content,
                       boolean emailMayBeCompromised) {
        boolean created = writer.create(client, incidentId, stage, sequence, content, emailMayBeCompromised);
        if (created) {
            meters.counter("vigie.notification.notices", "stage", stage.name()).increment();
        }
        return created ? 1 : 0;
    }

    private Client onDuty() {
        return new Client(Client.ON_DUTY, escalation.onDutyName(), Severity.CRITICAL,
                List.of(Channel.SMS), true, null, null, List.of(new Contact("on-duty", escalation.onDutyName(),
                "on-duty security lead", null, escalation.onDutyPhone(), escalation.language())));
    }

    private Optional<Client> recipient(String clientId, Severity severity) {
        Optional<Client> client = directory.find(clientId);
        if (client.isEmpty()) {
            log.warn("Client {} is affected by an incident but not in the directory: it cannot be notified", clientId);
            meters.counter("vigie.notification.unknown-clients").increment();
            return Optional.empty();
        }
        return client.filter(c -> c.wantsToHearAbout(severity));
    }

    private void announce(int planned) {
        if (planned > 0) {
            events.publishEvent(new NoticesPlanned(planned));
        }
    }
}
