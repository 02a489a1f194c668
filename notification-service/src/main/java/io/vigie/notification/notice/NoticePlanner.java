package io.vigie.notification.notice;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.events.Topics;
import io.vigie.notification.NotFoundException;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.directory.Contact;
import io.vigie.platform.outbox.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides which notices the communication plan calls for. Each entry point is one transaction: it claims the event
 * (a redelivery or replay changes nothing), records what it learned of the incident and creates the notices with
 * their deliveries. Sending happens after the commit, so a rollback never leaves a sent notice behind.
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
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    NoticePlanner(ProcessedEvents processedEvents, IncidentStore incidents, NoticeWriter writer,
                  ClientDirectory directory, NoticeProperties properties, EscalationProperties escalation,
                  ApplicationEventPublisher events, MeterRegistry meters, Clock clock) {
        this.processedEvents = processedEvents;
        this.incidents = incidents;
        this.writer = writer;
        this.directory = directory;
        this.properties = properties;
        this.escalation = escalation;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /** OPENED: an INITIAL notice to each affected client; ESCALATED: an UPDATE (INITIAL to newly affected clients). */
    @Transactional
    public void classified(Classification classification) {
        if (!processedEvents.claim(classification.eventId(), Topics.ALERT_CLASSIFIED)
                || classification.change() == Classification.Change.ATTACHED) {
            return;
        }
        UUID incidentId = classification.incidentId();
        NoticeContent facts = classification.facts();
        Optional<IncidentStore.IncidentRow> known = incidents.find(incidentId);
        if (known.isEmpty()) {
            incidents.insert(incidentId, facts, classification.classifiedAt(),
                    nextUpdate(facts.severity(), classification.classifiedAt()));
        } else {
            incidents.updateFacts(incidentId, facts);
            incidents.scheduleNextUpdate(incidentId, nextUpdate(facts.severity(), clock.instant()));
        }
        classification.clients().forEach(client -> incidents.addClient(incidentId, client));
        if (facts.personalData()) {
            events.publishEvent(new PersonalDataBreach(incidentId, classification.classifiedAt(),
                    classification.gdprDeadline() != null ? classification.gdprDeadline()
                            : classification.classifiedAt().plus(Duration.ofHours(72)),
                    facts.title(), facts.context(), facts.impact(), classification.dataCategories(),
                    classification.clients().stream().map(AffectedClient::clientId).toList(), facts.measures()));
        }
        int planned = 0;
        if (facts.severity() == Severity.CRITICAL && escalation.enabled()) {
            // Whatever triage decided for the clients; once per incident (the notice's uniqueness sees to it).
            planned += create(onDuty(), incidentId, Stage.INITIAL, 1, facts,
                    new AffectedClient(EscalationProperties.ON_DUTY, List.of(), List.of(), false, true));
        }
        if (!classification.notifyClients()) {
            announce(planned);
            return;
        }
        Integer updateSequence = null;
        for (AffectedClient affected : classification.clients()) {
            Optional<Client> client = recipient(affected.clientId(), facts.severity());
            if (client.isEmpty()) {
                continue;
            }
            NoticeContent content = forClient(facts, affected);
            if (!writer.exists(incidentId, affected.clientId(), Stage.INITIAL)) {
                planned += create(client.get(), incidentId, Stage.INITIAL, 1, content, affected);
            } else if (classification.change() == Classification.Change.ESCALATED) {
                if (updateSequence == null) {
                    updateSequence = incidents.nextUpdateSequence(incidentId);
                }
                planned += create(client.get(), incidentId, Stage.UPDATE, updateSequence, content, affected);
            }
        }
        announce(planned);
    }

    /** An update the analysts want the clients to hear: an UPDATE notice to every client told about the incident. */
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
        NoticeContent old = incident.get().facts();
        NoticeContent facts = new NoticeContent(old.title(), old.category(), update.severity(), old.context(),
                old.impact(), old.services(), old.assets(), old.personalData(),
                update.measures().isEmpty() ? old.measures() : update.measures(),
                update.resolutionPlan() == null ? old.resolutionPlan() : update.resolutionPlan(),
                update.estimatedResolutionAt() == null ? old.estimatedResolutionAt() : update.estimatedResolutionAt(),
                old.recommendedActions(), update.message(), null, List.of(), List.of());
        incidents.updateFacts(update.incidentId(), facts);
        if (!update.notifyClients()) {
            return;
        }
        // A notice just went out: the scheduled one is due a full interval from now.
        if (incident.get().status() == IncidentStore.Status.OPEN) {
            incidents.scheduleNextUpdate(update.incidentId(), nextUpdate(facts.severity(), clock.instant()));
        }
        announce(toldClients(update.incidentId(), Stage.UPDATE, incidents.nextUpdateSequence(update.incidentId()),
                facts, List.of()));
    }

    /** The incident is resolved: a RESOLUTION notice to every client told about it; no more scheduled updates. */
    @Transactional
    public void resolved(Resolution resolution) {
        if (!processedEvents.claim(resolution.eventId(), Topics.INCIDENT_RESOLVED)) {
            return;
        }
        NoticeContent old = incidents.find(resolution.incidentId()).map(IncidentStore.IncidentRow::facts)
                .orElse(null);
        NoticeContent facts = new NoticeContent(old == null ? resolution.summary() : old.title(),
                resolution.category(), resolution.severity(), old == null ? null : old.context(),
                old == null ? null : old.impact(), List.of(), List.of(), old != null && old.personalData(),
                old == null ? List.of() : old.measures(), null, null,
                old == null ? List.of() : old.recommendedActions(), resolution.summary(),
                resolution.dataCompromised(), resolution.correctiveActions(), List.of());
        if (old != null) {
            incidents.updateFacts(resolution.incidentId(), facts);
            incidents.setStatus(resolution.incidentId(), IncidentStore.Status.RESOLVED);
        }
        announce(toldClients(resolution.incidentId(), Stage.RESOLUTION, 1, facts, resolution.clientIds()));
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
        NoticeContent old = incident.map(IncidentStore.IncidentRow::facts).orElse(null);
        Category category = incident.map(IncidentStore.IncidentRow::category).orElse(Category.OTHER);
        Severity severity = incident.map(IncidentStore.IncidentRow::severity).orElse(Severity.LOW);
        NoticeContent facts = new NoticeContent(old == null ? "" : old.title(), category, severity,
                old == null ? null : old.context(), null, List.of(), List.of(), old != null && old.personalData(),
                List.of(), null, null, List.of(), closure.clientSummary(),
                old == null ? null : old.dataCompromised(), old == null ? List.of() : old.correctiveActions(),
                closure.lessons());
        incident.ifPresent(row -> incidents.setStatus(row.id(), IncidentStore.Status.CLOSED));
        announce(toldClients(closure.incidentId(), Stage.FOLLOW_UP, 1, facts, closure.clientIds()));
    }

    /**
     * An UPDATE to one client that asks for its formal agreement (e.g. to isolate its machines); the answer comes back
     * through the notice's signed agreement link. Returns the notice id.
     */
    @Transactional
    public UUID requestAgreement(UUID incidentId, String clientId, String question) {
        IncidentStore.IncidentRow incident = incidents.find(incidentId)
                .orElseThrow(() -> new NotFoundException("No incident " + incidentId + " here"));
        if (!writer.exists(incidentId, clientId, Stage.INITIAL)) {
            throw new NotFoundException("Client " + clientId + " was not told about incident " + incidentId);
        }
        Client client = directory.find(clientId)
                .orElseThrow(() -> new NotFoundException("No client " + clientId + " in the directory"));
        AffectedClient impact = incidents.clients(incidentId).stream().filter(a -> a.clientId().equals(clientId))
                .findFirst().orElse(new AffectedClient(clientId, List.of(), List.of(), false, false));
        NoticeContent old = incident.facts();
        NoticeContent content = forClient(new NoticeContent(old.title(), old.category(), old.severity(), old.context(),
                old.impact(), old.services(), old.assets(), old.personalData(), old.measures(), old.resolutionPlan(),
                old.estimatedResolutionAt(), old.recommendedActions(), null, null, List.of(), List.of()), impact)
                .asking(question);
        int sequence = incidents.nextUpdateSequence(incidentId);
        announce(create(client, incidentId, Stage.UPDATE, sequence, content, impact));
        return NoticeWriter.noticeId(incidentId, clientId, Stage.UPDATE, sequence);
    }

    /** Incidents whose scheduled UPDATE is due, oldest first. */
    public List<UUID> dueForUpdate() {
        return incidents.dueForUpdate(clock.instant(), 100);
    }

    /**
     * Sends the scheduled UPDATE notice of one incident if it is still due. Several instances may call this: the
     * update is taken by moving the incident's schedule, which only one of them can do.
     */
    @Transactional
    public int scheduledUpdate(UUID incidentId) {
        Optional<IncidentStore.IncidentRow> incident = incidents.find(incidentId);
        if (incident.isEmpty() || incident.get().nextUpdateAt() == null
                || incident.get().status() != IncidentStore.Status.OPEN) {
            return 0;
        }
        IncidentStore.IncidentRow row = incident.get();
        Instant now = clock.instant();
        if (row.nextUpdateAt().isAfter(now)
                || !incidents.takeScheduledUpdate(incidentId, row.nextUpdateAt(), nextUpdate(row.severity(), now))) {
            return 0;
        }
        NoticeContent old = row.facts();
        NoticeContent facts = new NoticeContent(old.title(), old.category(), old.severity(), old.context(),
                old.impact(), old.services(), old.assets(), old.personalData(), old.measures(), old.resolutionPlan(),
                old.estimatedResolutionAt(), old.recommendedActions(), null, null, List.of(), List.of());
        int planned = toldClients(incidentId, Stage.UPDATE, incidents.nextUpdateSequence(incidentId), facts,
                List.of());
        announce(planned);
        return planned;
    }

    private int toldClients(UUID incidentId, Stage stage, int sequence, NoticeContent facts,
                            List<String> fallbackClientIds) {
        List<String> told = writer.clientsTold(incidentId);
        // An incident this service never saw classified: the event's own list of clients is all there is.
        boolean unknownIncident = told.isEmpty();
        List<AffectedClient> affected = incidents.clients(incidentId);
        int planned = 0;
        for (String clientId : unknownIncident ? fallbackClientIds : told) {
            Optional<Client> client = unknownIncident ? recipient(clientId, facts.severity())
                    : directory.find(clientId);
            if (client.isEmpty()) {
                continue;
            }
            AffectedClient impact = affected.stream().filter(a -> a.clientId().equals(clientId)).findFirst()
                    .orElse(new AffectedClient(clientId, List.of(), List.of(), facts.personalData(), false));
            planned += create(client.get(), incidentId, stage, sequence,
                    stage == Stage.UPDATE ? forClient(facts, impact) : facts, impact);
        }
        return planned;
    }

    private int create(Client client, UUID incidentId, Stage stage, int sequence, NoticeContent content,
                       AffectedClient affected) {
        boolean created = writer.create(client, incidentId, stage, sequence, content, affected.emailMayBeCompromised());
        if (created) {
            meters.counter("vigie.notification.notices", "stage", stage.name()).increment();
        }
        return created ? 1 : 0;
    }

    private Client onDuty() {
        return new Client(EscalationProperties.ON_DUTY, escalation.onDutyName(), Severity.CRITICAL,
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

    private static NoticeContent forClient(NoticeContent facts, AffectedClient client) {
        return new NoticeContent(facts.title(), facts.category(), facts.severity(), facts.context(), facts.impact(),
                client.services().isEmpty() ? facts.services() : client.services(),
                client.assets().isEmpty() ? facts.assets() : client.assets(), client.personalData(),
                facts.measures(), facts.resolutionPlan(), facts.estimatedResolutionAt(), facts.recommendedActions(),
                facts.update(), facts.dataCompromised(), facts.correctiveActions(), facts.lessons(),
                facts.agreementQuestion());
    }

    private Instant nextUpdate(Severity severity, Instant from) {
        Duration every = properties.updateEvery(severity);
        return every == null ? null : from.plus(every);
    }

    private void announce(int planned) {
        if (planned > 0) {
            events.publishEvent(new NoticesPlanned(planned));
        }
    }
}
