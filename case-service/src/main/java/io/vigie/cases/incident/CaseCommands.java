package io.vigie.cases.incident;

import io.vigie.cases.incident.internal.CaseRepository;
import io.vigie.cases.incident.internal.ConversationRepository;
import io.vigie.cases.timeline.EntryType;
import io.vigie.cases.timeline.Timeline;
import io.vigie.events.Topics;
import io.vigie.platform.outbox.Outbox;
import io.vigie.platform.web.problem.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What people do on a case, from the API and from the dashboard alike. Each command locks the case, checks the
 * case allows it (409 otherwise), changes it, writes the timeline entry with the acting user, and appends the
 * event for the other services to the outbox: all in one transaction. The roles are checked here, so no entry
 * point can forget them.
 */
@Service
public class CaseCommands {

    /** Analysts act on incidents; managers do everything. */
    static final String ACT = "hasAnyRole('ANALYST', 'MANAGER')";
    /**
     * Client updates are the communications team's job, and analysts' too (they know what happened); so are notes (what
     * the communications team learnt from a client belongs on the case) and calls.
     */
    static final String COMMUNICATE = "hasAnyRole('ANALYST', 'COMMUNICATIONS', 'MANAGER')";
    /** Reviewing a held notice before it reaches the clients is the communications team's job alone. */
    static final String REVIEW = "hasAnyRole('COMMUNICATIONS', 'MANAGER')";
    /** So is answering a client in writing; everyone who talks to clients logs their calls ({@link #COMMUNICATE}). */
    static final String ANSWER = "hasAnyRole('COMMUNICATIONS', 'MANAGER')";

    /** The longest name of a contact on the phone, and of a client. */
    static final int MAX_CONTACT = 200;
    /** The longest reason for dismissing an incident's attribution. */
    static final int MAX_REASON = 2_000;

    private final CaseRepository cases;
    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final Outbox outbox;
    private final ApplicationEventPublisher changes;
    private final CaseMeters meters;
    private final Clock clock;
    private final SlaResult.AtResolution slaAtResolution;

    CaseCommands(CaseRepository cases, ConversationRepository conversations, Timeline timeline, Outbox outbox,
                 ApplicationEventPublisher changes, CaseMeters meters, Clock clock,
                 SlaResult.AtResolution slaAtResolution) {
        this.cases = cases;
        this.conversations = conversations;
        this.timeline = timeline;
        this.outbox = outbox;
        this.changes = changes;
        this.meters = meters;
        this.clock = clock;
        this.slaAtResolution = slaAtResolution;
    }

    @PreAuthorize(COMMUNICATE)
    @Transactional
    public IncidentCase addNote(UUID id, String text, String actor) {
        IncidentCase current = begin(id, Command.NOTE);
        String note = required(text, "text");
        return record(current, Command.NOTE, actor, EntryType.NOTE, note, UpdateDetails.of(note));
    }

    @PreAuthorize(ACT)
    @Transactional
    public IncidentCase recordAction(UUID id, ActionType type, String description, String actor) {
        IncidentCase current = begin(id, Command.ACTION);
        String message = (type == null ? ActionType.OTHER : type).label() + ": " + required(description, "description");
        return record(current, Command.ACTION, actor, EntryType.ACTION_TAKEN, message, UpdateDetails.of(message));
    }

    @PreAuthorize(ACT)
    @Transactional
    public IncidentCase assign(UUID id, String assignee, String actor) {
        IncidentCase current = begin(id, Command.ASSIGN);
        String to = required(assignee, "assignee");
        if (to.equals(current.assignee())) {
            throw new InvalidTransitionException(id, current.status(), Command.ASSIGN,
                    "the incident is already assigned to " + to);
        }
        cases.set(id, clock.instant(), "assignee", to);
        String message = "Assigned to " + to + (current.assignee() == null ? "" : " (was " + current.assignee() + ")");
        return record(current, Command.ASSIGN, actor, EntryType.ASSIGNED, message, UpdateDetails.of(message));
    }

    @PreAuthorize(ACT)
    @Transactional
    public IncidentCase changeSeverity(UUID id, Severity severity, String reason, String actor) {
        IncidentCase current = begin(id, Command.CHANGE_SEVERITY);
        if (severity == null) {
            throw new IllegalArgumentException("severity is required");
        }
        if (severity == current.severity()) {
            throw new InvalidTransitionException(id, current.status(), Command.CHANGE_SEVERITY,
                    "the incident is already " + severity);
        }
        cases.set(id, clock.instant(), "severity", severity);
        String message = "Severity " + current.severity() + " → " + severity + ": " + required(reason, "reason");
        return record(current, Command.CHANGE_SEVERITY, actor, EntryType.SEVERITY_CHANGED, message,
                UpdateDetails.of(message).withPreviousSeverity(current.severity()));
    }

    /**
     * An update for the clients: notification-service gives each contact the text in their language. The timeline
     * says which languages it was written in, and which of the incident's contacts get no text for want of theirs.
     */
    @PreAuthorize(COMMUNICATE)
    @Transactional
    public IncidentCase postClientUpdate(UUID id, ClientUpdate update, String actor) {
        IncidentCase current = begin(id, Command.CLIENT_UPDATE);
        if (update.messages().isEmpty()) {
            throw new InvalidFieldException("clientMessages", "at least one text is required, in one of "
                    + String.join(", ", Language.codes()), Language.codes());
        }
        StringBuilder content = new StringBuilder("Client update in ").append(update.messages().codes()).append(":\n")
                .append(update.messages().tagged());
        if (!update.measures().isEmpty()) {
            content.append("\nMeasures taken: ").append(String.join("; ", update.measures().stream()
                    .map(Measure::label).toList())).append('.');
        }
        if (!update.measureNotes().isEmpty()) {
            content.append("\nMeasures noted (internal, not sent to clients): ")
                    .append(String.join("; ", update.measureNotes())).append('.');
        }
        if (update.resolutionPlan() != null) {
            content.append("\nPlan: ").append(update.resolutionPlan());
        }
        if (update.estimatedResolutionAt() != null) {
            content.append("\nEstimated resolution: ").append(update.estimatedResolutionAt());
        }
        Set<Language> unwritten = new TreeSet<>();
        cases.contactLanguages(id).values().forEach(unwritten::addAll);
        update.messages().languages().forEach(unwritten::remove);
        if (!unwritten.isEmpty()) {
            content.append("\nNo text for the contacts reading ")
                    .append(String.join(", ", unwritten.stream().map(Language::code).toList())).append('.');
        }
        return record(current, Command.CLIENT_UPDATE, actor, EntryType.CLIENT_UPDATE, content.toString(),
                UpdateDetails.of(update.messages().tagged()).withClientUpdate(update));
    }

    /**
     * Confirms that a client the incident suggests is affected: notification-service then sends it its first notice.
     * While nobody knows whose the incident is ({@link Attribution#AWAITING}, or dismissed), any client may be named:
     * that attributes the incident to it. Confirming it again changes and publishes nothing.
     */
    @PreAuthorize(COMMUNICATE)
    @Transactional
    public IncidentCase confirmClient(UUID id, String clientId, String actor) {
        IncidentCase current = begin(id, Command.CONFIRM_CLIENT);
        String client = required(clientId, "clientId");
        Instant now = clock.instant();
        if (cases.isDetached(id, client)) {
            throw new InvalidTransitionException(id, current.status(), Command.CONFIRM_CLIENT, client
                    + " was detached from the incident: attach it again, with the reason");
        }
        boolean suggested = cases.confirmSuggestion(id, client, actor, now);
        if (!suggested) {
            if (cases.wasConfirmed(id, client)) {
                return current;
            }
            if (cases.isAffected(id, client)) {
                throw new InvalidTransitionException(id, current.status(), Command.CONFIRM_CLIENT,
                        client + " is already an affected client: it is notified without confirmation");
            }
            if (!current.audience().attribution().anyClientMayBeNamed()) {
                throw new NotFoundException("Not a suggested client",
                        client + " is not a suggested client of incident " + id)
                        .with("incidentId", id).with("clientId", client);
            }
            cases.recordAttributedClient(id, clientIdentifier(client), actor, now);
        }
        cases.addClientIfAbsent(id, client, now);
        String message = "Client " + client + (suggested ? "" : ", named by " + actor + " (no alert named an affected "
                + "client),") + " confirmed as affected: notification-service sends it its first notice";
        if (current.audience().attribution() != Attribution.ATTRIBUTED) {
            // Whatever the alerts say later, a person named a client: the incident never waits for one again.
            cases.set(id, now, "attribution", Attribution.ATTRIBUTED);
        }
        return record(current, Command.CONFIRM_CLIENT, actor, EntryType.CLIENT_CONFIRMED, message,
                UpdateDetails.of(message).withConfirmedClient(client));
    }

    /**
     * Decides that no client is to be told about an incident whose clients nobody knows (the SOC's own system, a test,
     * a false positive): it no longer waits for attribution and its notify clocks stop counting. Published as
     * {@code CLIENTS_CONFIRMED} with no client and {@code notifyClients=false}: the analyst settled who is affected,
     * nobody; notification-service has nothing to send, triage takes it out of the attribution queue. Dismissing it
     * again changes and publishes nothing; a client can still be named afterwards.
     */
    @PreAuthorize(ACT)
    @Transactional
    public IncidentCase dismissAttribution(UUID id, String reason, String actor) {
        IncidentCase current = begin(id, Command.DISMISS_ATTRIBUTION);
        String why = text(reason, "reason", MAX_REASON);
        switch (current.audience().attribution()) {
            case DISMISSED -> {
                return current;
            }
            case NOT_NEEDED -> throw new InvalidTransitionException(id, current.status(), Command.DISMISS_ATTRIBUTION,
                    current.audience().notifyClients()
                            ? "triage named its affected clients: nothing waits for attribution"
                            : "it notifies no client: nothing waits for attribution");
            case ATTRIBUTED -> throw new InvalidTransitionException(id, current.status(), Command.DISMISS_ATTRIBUTION,
                    "a client was already named for it; resolve the incident if it concerns nobody");
            case AWAITING -> cases.set(id, clock.instant(), "attribution", Attribution.DISMISSED);
        }
        String message = "No client to notify: " + why;
        return record(current, Command.DISMISS_ATTRIBUTION, actor, EntryType.ATTRIBUTION_DISMISSED,
                "Attribution dismissed, no client will be told: " + why, UpdateDetails.of(message));
    }

    /**
     * Attaches a client to the incident, whatever the alerts said, with the reason for the record: a client of the
     * directory the inventory did not bind to the asset, one detached by mistake, one more on an incident that has
     * clients already. It becomes an affected client and notification-service tells it as a newly affected client
     * is told now (published as {@code CLIENTS_CONFIRMED}: an analyst vouches for it). case-service does not hold the
     * directory, so the identifier is only checked for its form; notification-service reports a client it does not
     * know ({@code vigie.notification.unknown-clients}).
     */
    @PreAuthorize(ACT)
    @Transactional
    public IncidentCase attachClient(UUID id, String clientId, String reason, String actor) {
        IncidentCase current = begin(id, Command.ATTACH_CLIENT);
        String client = clientIdentifier(text(clientId, "clientId", MAX_CONTACT));
        String why = text(reason, "reason", MAX_REASON);
        Instant now = clock.instant();
        boolean detached = cases.isDetached(id, client);
        if (detached) {
            cases.reattachClient(id, client, now);
        } else if (cases.isAffected(id, client)) {
            throw new InvalidTransitionException(id, current.status(), Command.ATTACH_CLIENT,
                    client + " is already an affected client of the incident");
        } else if (!cases.confirmSuggestion(id, client, actor, now)) {
            // Kept as a suggestion confirmed at once, as a named client is: who attached it and when stay on record.
            if (!cases.wasConfirmed(id, client)) {
                cases.recordAttributedClient(id, client, actor, now);
            }
        }
        cases.addClientIfAbsent(id, client, now);
        Attribution attribution = current.audience().attribution();
        if (attribution == Attribution.AWAITING || attribution == Attribution.DISMISSED) {
            // A person named a client: the incident no longer waits for one, whatever the alerts say later.
            cases.set(id, now, "attribution", Attribution.ATTRIBUTED);
        }
        String message = "Client " + client + (detached ? " attached again: " : " attached: ") + why;
        return record(current, Command.ATTACH_CLIENT, actor, EntryType.CLIENT_ATTACHED, message
                        + "\nnotification-service tells it as a newly affected client is told now.",
                UpdateDetails.of(message).withConfirmedClient(client));
    }

    /**
     * Detaches an affected client from the incident, with the reason for the record: it gets no further notice about
     * it (no update, no resolution, no survey), even when a later alert names it again; only attaching it again
     * brings it back. Nothing is sent to the client to say so: the notices it had stay as they were.
     */
    @PreAuthorize(ACT)
    @Transactional
    public IncidentCase detachClient(UUID id, String clientId, String reason, String actor) {
        IncidentCase current = begin(id, Command.DETACH_CLIENT);
        String client = clientId == null ? "" : clientId.strip();
        String why = text(reason, "reason", MAX_REASON);
        if (!cases.isAffected(id, client)) {
            throw new InvalidTransitionException(id, current.status(), Command.DETACH_CLIENT, client
                    + (cases.isDetached(id, client) ? " is already detached from the incident"
                    : " is not an affected client of the incident"));
        }
        cases.detachClient(id, client, actor, why, clock.instant());
        String message = "Client " + client + " detached: " + why;
        return record(current, Command.DETACH_CLIENT, actor, EntryType.CLIENT_DETACHED, message
                        + "\nIt gets no further notice about this incident.",
                UpdateDetails.of(message).withDetachedClient(client));
    }

    /** A client's identifier as the other services know it: one word, at most {@value #MAX_CONTACT} characters. */
    private static String clientIdentifier(String client) {
        if (client.length() > MAX_CONTACT || client.codePoints().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c))) {
            throw new InvalidFieldException("clientId", "a client identifier: no spaces, at most " + MAX_CONTACT
                    + " characters", List.of());
        }
        return client;
    }

    /**
     * Approves a notice notification-service holds for review: it sends it at once, with the texts added for the
     * contacts of their languages. Approving it again changes and publishes nothing; once its time passed or it went
     * out, it can no longer be approved (notification-service sends it as it was).
     */
    @PreAuthorize(REVIEW)
    @Transactional
    public IncidentCase approveNotice(UUID id, UUID noticeId, ClientMessages texts, String actor) {
        IncidentCase current = begin(id, Command.APPROVE_NOTICE);
        HeldNotice held = cases.heldNotice(id, noticeId).orElseThrow(() -> new NotFoundException("Not a held notice",
                "Notice " + noticeId + " is not held for review on incident " + id)
                .with("incidentId", id).with("noticeId", noticeId));
        if (held.approved()) {
            return current;
        }
        Instant now = clock.instant();
        HeldNotice.State state = held.state(now);
        if (!state.pending()) {
            throw new InvalidTransitionException(id, current.status(), Command.APPROVE_NOTICE, "the "
                    + held.notice().label() + " notice to " + held.notice().clientId() + " is no longer held: "
                    + (state == HeldNotice.State.RELEASING ? "its hold ended at " + held.heldUntil()
                    + " and notification-service sends it as it is" : state.label()));
        }
        cases.approveHeldNotice(id, noticeId, actor, now);
        NoticeApproval approval = new NoticeApproval(noticeId, texts == null ? ClientMessages.none() : texts);
        StringBuilder content = new StringBuilder("Held ").append(held.notice().label()).append(" notice to ")
                .append(held.notice().clientId()).append(" (").append(noticeId).append(") approved for sending");
        if (approval.messages().isEmpty()) {
            content.append(" as it is, no text added.");
        } else {
            content.append(", with texts added in ").append(approval.messages().codes()).append(":\n")
                    .append(approval.messages().tagged());
            Set<Language> unwritten = new TreeSet<>(held.languages());
            approval.messages().languages().forEach(unwritten::remove);
            if (!unwritten.isEmpty()) {
                content.append("\nNo text added for the contacts reading ")
                        .append(String.join(", ", unwritten.stream().map(Language::code).toList())).append('.');
            }
        }
        return record(current, Command.APPROVE_NOTICE, actor, EntryType.NOTICE_APPROVED, content.toString(),
                UpdateDetails.of(content.toString()).withApproval(approval));
    }

    /**
     * Answers a client's message in writing, in the contact's language: notification-service sends the answer to that
     * contact only, on their channels, threaded with the notice. A message is answered once; whatever the incident's
     * state, a client's question deserves its answer.
     */
    @PreAuthorize(ANSWER)
    @Transactional
    public IncidentCase answerClient(UUID id, UUID messageId, String text, String actor) {
        IncidentCase current = begin(id, Command.ANSWER_CLIENT);
        String answer = text(text, "text", ClientMessages.MAX_LENGTH);
        ClientMessage m = conversations.message(id, messageId)
                .orElseThrow(() -> new NotFoundException("Unknown client message",
                        "No client message " + messageId + " on incident " + id)
                        .with("incidentId", id).with("messageId", messageId));
        requireUnanswered(current, m, Command.ANSWER_CLIENT);
        Language language = m.from().language();
        if (language == null) {
            throw new InvalidTransitionException(id, current.status(), Command.ANSWER_CLIENT, "the contact's language ("
                    + m.from().languageCode() + ") is not one Vigie writes in: call them and log the call");
        }
        conversations.answer(id, messageId, answer, actor, clock.instant(), false);
        ClientMessages texts = new ClientMessages(Map.of(language, answer));
        String content = "Answer to the " + m.via().noun() + " from " + m.from().describe()
                + " received at " + m.receivedAt() + " (message " + messageId + "), in " + language.code()
                + "; notification-service sends it to that contact:\n" + answer;
        return record(current, Command.ANSWER_CLIENT, actor, EntryType.CLIENT_ANSWERED, content,
                UpdateDetails.of(texts.tagged()).withConversation(new Conversation(messageId, m.from().clientId(),
                        m.from().contactId(), texts)));
    }

    /**
     * Logs a phone call with a client, for the record (notification-service sends nothing). A call that answered one
     * of the client's messages marks it answered by phone, at the time of the call.
     */
    @PreAuthorize(COMMUNICATE)
    @Transactional
    public IncidentCase logCall(UUID id, PhoneCall call, String actor) {
        IncidentCase current = begin(id, Command.LOG_CALL);
        String client = text(call.clientId(), "clientId", MAX_CONTACT);
        List<String> clients = conversations.clientsOf(id);
        if (!clients.contains(client)) {
            throw new InvalidFieldException("clientId", "not a client of this incident", clients);
        }
        String contact = text(call.contact(), "contact", MAX_CONTACT);
        String summary = text(call.summary(), "summary", ClientMessages.MAX_LENGTH);
        Instant now = clock.instant();
        Instant at = (call.at() == null ? now : call.at()).truncatedTo(ChronoUnit.MILLIS);
        if (at.isAfter(now)) {
            throw new InvalidFieldException("at", "must not be in the future", List.of());
        }
        StringBuilder content = new StringBuilder("Phone call with ").append(contact).append(" (").append(client)
                .append(") at ").append(at).append(":\n").append(summary);
        ClientMessage answered = null;
        if (call.answersMessageId() != null) {
            answered = conversations.message(id, call.answersMessageId()).orElseThrow(() -> new InvalidFieldException(
                    "answersMessageId", "not a client message of this incident", List.of()));
            if (!answered.from().clientId().equals(client)) {
                throw new InvalidFieldException("answersMessageId", "a message from " + answered.from().clientId()
                        + ", not from " + client, List.of());
            }
            requireUnanswered(current, answered, Command.LOG_CALL);
            if (at.isBefore(answered.receivedAt())) {
                throw new InvalidFieldException("at", "before the message it answers was received, at "
                        + answered.receivedAt(), List.of());
            }
            conversations.answer(id, answered.id(), summary, actor, at, true);
            content.append("\nAnswers the ").append(answered.via().noun()).append(" from ")
                    .append(answered.from().describe()).append(" received at ").append(answered.receivedAt())
                    .append(" (message ").append(answered.id()).append(").");
        }
        return record(current, Command.LOG_CALL, actor, EntryType.CLIENT_CALL, content.toString(),
                UpdateDetails.of(summary).withConversation(new Conversation(answered == null ? null : answered.id(),
                        client, answered == null ? null : answered.from().contactId(), ClientMessages.none())), at);
    }

    private static void requireUnanswered(IncidentCase current, ClientMessage m, Command command) {
        if (m.answered()) {
            throw new InvalidTransitionException(current.id(), current.status(), command, "the "
                    + m.via().noun() + " from " + m.from().describe() + " (message " + m.id()
                    + ") was already answered by " + m.answer().by() + " at " + m.answer().at()
                    + (m.answer().byPhone() ? ", by phone" : ""));
        }
    }

    @PreAuthorize(ACT)
    @Transactional
    public IncidentCase resolve(UUID id, Resolution resolution, String actor) {
        IncidentCase current = begin(id, Command.RESOLVE);
        Instant now = clock.instant();
        cases.set(id, now, new String[] {"status", "resolved_at", "resolution_summary", "data_compromised"},
                CaseStatus.RESOLVED, now, required(resolution.summary(), "summary"), resolution.dataCompromised());
        timeline.append(id, now, actor, EntryType.RESOLVED, "Resolved: " + resolution.summary().strip()
                + (resolution.correctiveActions().isEmpty() ? ""
                : " Corrective actions: " + String.join("; ", resolution.correctiveActions()) + ".")
                + (resolution.dataCompromised() ? " Data was compromised." : " No data was compromised.")
                + (resolution.messages().isEmpty() ? "\nNo client text written for the resolution notice."
                : "\nClients told in " + resolution.messages().codes() + ":\n" + resolution.messages().tagged()));
        IncidentCase after = cases.find(id).orElseThrow();
        List<String> clients = cases.clients(id).stream().map(ClientNotice::clientId).toList();
        outbox.append(Topics.INCIDENT_RESOLVED, id.toString(), EventMapper.toResolved(after, resolution, actor, clients,
                slaAtResolution.of(after)));
        meters.resolved(after.severity(), Duration.between(after.clocks().openedAt(), now));
        meters.command(Command.RESOLVE);
        changes.publishEvent(new CaseChanged(id));
        return after;
    }

    private IncidentCase begin(UUID id, Command command) {
        IncidentCase current = cases.lock(id).orElseThrow(() -> new CaseNotFoundException(id));
        current.requireAllows(command);
        return current;
    }

    private IncidentCase record(IncidentCase current, Command command, String actor, EntryType entryType,
                                String content, UpdateDetails details) {
        return record(current, command, actor, entryType, content, details, clock.instant());
    }

    /** Records a command taken now about something that happened at {@code occurredAt} (a call, earlier). */
    private IncidentCase record(IncidentCase current, Command command, String actor, EntryType entryType,
                                String content, UpdateDetails details, Instant occurredAt) {
        Instant now = clock.instant();
        if (current.status().afterWork() != current.status()) {
            cases.set(current.id(), now, "status", current.status().afterWork());
        }
        timeline.append(current.id(), occurredAt, actor, entryType, content);
        IncidentCase after = cases.find(current.id()).orElseThrow();
        outbox.append(Topics.INCIDENT_UPDATED, current.id().toString(),
                EventMapper.toUpdated(after, now, command, actor, details));
        meters.command(command);
        changes.publishEvent(new CaseChanged(current.id()));
        return after;
    }

    /** A person's text for {@code field}: not blank, at most {@code max} characters once stripped (400 otherwise). */
    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank", List.of());
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidFieldException(field, "at most " + max + " characters", List.of());
        }
        return stripped;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.strip();
    }
}
