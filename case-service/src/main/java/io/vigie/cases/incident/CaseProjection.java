package io.vigie.cases.incident;

import io.vigie.cases.incident.internal.CaseRepository;
import io.vigie.cases.incident.internal.ConversationRepository;
import io.vigie.cases.timeline.EntryType;
import io.vigie.cases.timeline.Timeline;
import io.vigie.events.Topics;
import io.vigie.platform.outbox.ProcessedEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds cases from the other services' events. Each event is handled in one transaction: claim its id, change the
 * case, write the timeline entry; the events that come one per alert (raised, classified) are handled a poll at a
 * time, with the outcome of handling each on its own. A redelivered or replayed event changes nothing.
 */
@Component
class CaseProjection {

    private final CaseRepository cases;
    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final ProcessedEvents processedEvents;
    private final ApplicationEventPublisher changes;
    private final CaseMeters meters;
    private final Clock clock;

    CaseProjection(CaseRepository cases, ConversationRepository conversations, Timeline timeline,
                   ProcessedEvents processedEvents, ApplicationEventPublisher changes, CaseMeters meters, Clock clock) {
        this.cases = cases;
        this.conversations = conversations;
        this.timeline = timeline;
        this.processedEvents = processedEvents;
        this.changes = changes;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    public void on(Classification c) {
        onClassified(List.of(c));
    }

    /**
     * Triage's classifications (of one poll), in order, with the outcome of handling each on its own: one claim, one
     * lock of the cases and one write per table for them all.
     */
    @Transactional
    public void onClassified(List<Classification> classifications) {
        boolean[] claimed = processedEvents.claimAll(classifications.stream().map(c -> c.origin().eventId()).toList(),
                Topics.ALERT_CLASSIFIED);
        List<Classification> fresh = new ArrayList<>();
        Map<UUID, Instant> firstReceivedAt = new HashMap<>();
        for (int i = 0; i < classifications.size(); i++) {
            if (claimed[i]) {
                Classification c = classifications.get(i);
                fresh.add(c);
                firstReceivedAt.putIfAbsent(c.incidentId(), c.alert().receivedAt());
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<UUID, IncidentCase> current = lockOrStubAll(firstReceivedAt, now);
        Map<UUID, Set<String>> clients = new HashMap<>();
        Map<UUID, Map<String, SuggestedClient>> suggestions = new HashMap<>();
        List<Timeline.NewEntry> entries = new ArrayList<>();
        for (Classification c : fresh) {
            IncidentCase before = current.get(c.incidentId());
            String what;
            if (!before.classified()) {
                current.put(c.incidentId(), before.classifiedBy(c));
                what = "Incident opened";
            } else {
                boolean escalate = c.change() == Classification.Change.ESCALATED
                        && before.headline().escalatedBy(c.headline());
                current.put(c.incidentId(), before.mergedWith(c, escalate));
                what = escalate ? "Escalated from " + before.severity() + " to " + c.headline().severity()
                        : "Alert attached";
            }
            clients.computeIfAbsent(c.incidentId(), id -> new LinkedHashSet<>()).addAll(c.clients());
            Map<String, SuggestedClient> suggested = suggestions.computeIfAbsent(c.incidentId(),
                    id -> new LinkedHashMap<>());
            c.suggestedClients().forEach(s -> suggested.putIfAbsent(s.clientId(),
                    new SuggestedClient(s.clientId(), s.assets(), s.services(), c.origin().occurredAt())));
            entries.add(new Timeline.NewEntry(c.incidentId(), c.origin().occurredAt(), c.origin().producer(),
                    EntryType.ALERT_CLASSIFIED,
                    what + ": " + c.headline().severity() + " " + c.headline().category() + ", priority "
                            + c.headline().priority() + ". " + c.headline().title()
                            + (c.clients().isEmpty() ? "" : ". Clients: " + String.join(", ", c.clients()))
                            + (c.suggestedClients().isEmpty() ? "" : ". Suggested clients (not notified until "
                            + "confirmed): " + String.join(", ", c.suggestedClients().stream()
                            .map(Classification.Suggestion::clientId).toList()))
                            + (c.scope().personalData() ? ". Personal data involved (regulatory-service decides the "
                            + "reports the law asks of the clients)" : "")
                            + (c.rationale().rulesFired().isEmpty() ? ""
                            : ". Rules: " + String.join("; ", c.rationale().rulesFired()))));
        }
        cases.saveClassified(current.values(), now);
        cases.addClientsIfAbsent(clients, now);
        // Whatever the order of the poll's classifications, a client that one of them lists as affected is no
        // suggestion: it is notified without anyone's confirmation.
        cases.suggestClientsIfAbsent(suggestions.entrySet().stream().collect(
                Collectors.toMap(Map.Entry::getKey, e -> e.getValue().values())));
        cases.dropSuggestionsOfAffectedClients(current.keySet());
        attachAlerts(fresh);
        timeline.appendAll(entries);
        current.keySet().forEach(id -> changes.publishEvent(new CaseChanged(id)));
    }

    /** Each classified alert joins its case's alerts, whether its AlertRaised came first or not. */
    private void attachAlerts(List<Classification> classified) {
        Map<UUID, CaseRepository.AlertLink> links = cases.alertLinks(classified.stream()
                .map(Classification::alertId).toList());
        Map<UUID, Classification> unknown = new LinkedHashMap<>();
        Map<UUID, UUID> attach = new HashMap<>();
        for (Classification c : classified) {
            CaseRepository.AlertLink link = links.get(c.alertId());
            if (link == null) {
                unknown.putIfAbsent(c.alertId(), c);
            } else if (link.incidentId() == null) {
                attach.putIfAbsent(c.alertId(), c.incidentId());
            }
        }
        // The AlertRaised listener may have inserted some since they were looked up: those are attached instead.
        // In the order of the alert ids, as the raised alerts' listener inserts them (no circular wait on a key).
        List<Classification> toInsert = unknown.values().stream().sorted(Comparator.comparing(Classification::alertId))
                .toList();
        for (Classification c : cases.insertClassifiedAlertsIfAbsent(toInsert)) {
            attach.putIfAbsent(c.alertId(), c.incidentId());
        }
        cases.attachAlerts(attach);
    }

    @Transactional
    public void on(RaisedAlert a) {
        onRaised(List.of(a));
    }

    /**
     * The alerts as their SIEMs raised them (of one poll), in order: each joins the record, and the timeline of its
     * case when its classification overtook it on the other topic.
     */
    @Transactional
    public void onRaised(List<RaisedAlert> raised) {
        boolean[] claimed = processedEvents.claimAll(raised.stream().map(a -> a.origin().eventId()).toList(),
                Topics.ALERT_RAISED);
        Map<UUID, RaisedAlert> fresh = new LinkedHashMap<>();
        for (int i = 0; i < raised.size(); i++) {
            if (claimed[i]) {
                fresh.putIfAbsent(raised.get(i).alertId(), raised.get(i));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Map<UUID, CaseRepository.AlertLink> links = cases.alertLinks(fresh.keySet());
        List<RaisedAlert> known = new ArrayList<>();
        List<RaisedAlert> unknown = new ArrayList<>();
        fresh.values().forEach(a -> (links.containsKey(a.alertId()) ? known : unknown).add(a));
        // The cases first, then the alerts, as the classifications' listener does: two polls never wait for each
        // other in a circle (one holding a case and inserting an alert the other inserted while waiting for the case).
        Set<UUID> incidents = new LinkedHashSet<>();
        known.forEach(a -> incidents.add(links.get(a.alertId()).incidentId()));
        incidents.remove(null);
        cases.lockAll(incidents);
        // Inserted by the classification's listener since they were looked up: they complete its rows instead.
        unknown.sort(Comparator.comparing(RaisedAlert::alertId));
        List<RaisedAlert> overtaken = cases.insertRaisedAlertsIfAbsent(unknown);
        if (!overtaken.isEmpty()) {
            known.addAll(overtaken);
            Map<UUID, CaseRepository.AlertLink> overtakenLinks = cases.alertLinks(overtaken.stream()
                    .map(RaisedAlert::alertId).toList());
            links.putAll(overtakenLinks);
            Set<UUID> more = new LinkedHashSet<>();
            overtakenLinks.values().forEach(link -> more.add(link.incidentId()));
            more.remove(null);
            more.removeAll(incidents);
            cases.lockAll(more);
            incidents.addAll(more);
        }
        cases.completeWithRaised(known);
        List<Timeline.NewEntry> entries = new ArrayList<>();
        for (RaisedAlert a : known) {
            UUID incidentId = links.get(a.alertId()).incidentId();
            if (incidentId != null) {
                // The classification overtook the alert on the other topic: the alert's own details join the
                // record now, under the case's lock like every other entry of its timeline.
                entries.add(new Timeline.NewEntry(incidentId, a.detection().receivedAt(), a.origin().producer(),
                        EntryType.ALERT_RAISED,
                        "Alert from " + a.describeSource() + ": "
                                + a.title() + (a.asset() == null ? "" : " on " + a.asset())));
            }
        }
        timeline.appendAll(entries);
        incidents.forEach(id -> changes.publishEvent(new CaseChanged(id)));
    }

    @Transactional
    public void on(Delivery d) {
        if (!processedEvents.claim(d.origin().eventId(), Topics.CLIENT_NOTIFIED)) {
            return;
        }
        Instant at = d.origin().occurredAt();
        Instant now = clock.instant();
        IncidentCase current = lockOrStub(d.incidentId(), at, now);
        // An answer to one contact's question is followed on that question; the client's notice status stays the
        // incident notices' (an answer's failed SMS does not make the client look unreached).
        boolean answer = d.answersMessageId() != null;
        switch (d.outcome()) {
            case SENT -> {
                if (!answer) {
                    cases.recordNotice(d.incidentId(), d.clientId(), unlessAcknowledged(d, NoticeStatus.SENT),
                            d.stage(), d.route().channel(), null, at);
                }
                cases.releaseHeldNotice(d.incidentId(), d.notice().id(), true, at);
                // REGULATOR deliveries were the supervisory-authority drafts notification-service no longer makes;
                // replayed ones are on the record but are no client's notice. Regulatory reports are
                // regulatory-service's (RegulatoryReportChanged).
                if (current.clocks().firstNotifiedAt() == null && !d.toRegulator()) {
                    cases.set(d.incidentId(), now, "first_notified_at", at);
                }
                if (current.status().afterClientNotice() != current.status()) {
                    cases.set(d.incidentId(), now, "status", current.status().afterClientNotice());
                }
            }
            case FAILED -> {
                if (!answer) {
                    cases.recordNotice(d.incidentId(), d.clientId(), unlessAcknowledged(d, NoticeStatus.FAILED),
                            d.stage(), d.route().channel(), d.error(), at);
                }
                cases.releaseHeldNotice(d.incidentId(), d.notice().id(), false, at);
            }
            case ACKNOWLEDGED -> {
                cases.recordNotice(d.incidentId(), d.clientId(), NoticeStatus.ACKNOWLEDGED, d.stage(),
                        d.route().channel(), null, at);
                if (current.clocks().firstAcknowledgedAt() == null) {
                    cases.set(d.incidentId(), now, "first_acknowledged_at", at);
                    meters.acknowledged(current.severity(),
                            Duration.between(current.clocks().openedAt(), at));
                }
            }
            case HELD -> {
                // Nothing went out: no clock stops, the case stays OPEN until a notice is sent. The client shows its
                // latest notice waiting, unless a failure (being retried) or an acknowledgement says more.
                NoticeStatus status = clientStatus(d);
                if (status != NoticeStatus.ACKNOWLEDGED && status != NoticeStatus.FAILED) {
                    cases.recordNotice(d.incidentId(), d.clientId(), NoticeStatus.HELD, d.stage(), d.route().channel(),
                            null, at);
                }
                cases.holdNotice(d.incidentId(), d.notice(), at, d.heldUntil());
                d.contactLanguage().ifPresent(language -> cases.recordHeldNoticeLanguage(d.incidentId(),
                        d.notice().id(), language));
            }
            case AGREED, DECLINED -> {
                // A survey answer after closure: it goes on the record, the notice status stays as it was.
            }
        }
        if (d.answersMessageId() != null && d.answerDelivery() != null) {
            conversations.recordAnswerDelivery(d.incidentId(), d.answersMessageId(), d.answerDelivery(),
                    at);
        }
        if (!d.toRegulator()) {
            // notification-service writes only to clients it was told are affected: no suggestion left to confirm.
            cases.dropSuggestionsOfAffectedClients(List.of(d.incidentId()));
            d.contactLanguage().ifPresent(language -> cases.recordContactLanguage(d.incidentId(), d.clientId(),
                    language));
        }
        timeline.append(d.incidentId(), at, d.origin().producer(), EntryType.CLIENT_NOTIFIED,
                d.stage() + " notice " + d.notice().sequence() + " to " + d.clientId() + " by " + d.route().channel()
                        + (d.route().outOfBand() ? " (out of band)" : "")
                        + (d.route().language() == null ? "" : " in " + d.route().language()) + ": " + d.outcome()
                        + (d.outcome() == Delivery.Outcome.HELD ? " for review" + (d.heldUntil() == null ? ""
                        : ", goes out by itself at " + d.heldUntil()) : "")
                        + (d.answersMessageId() == null ? "" : " (answer to client message " + d.answersMessageId()
                        + ")")
                        + (d.route().recipient() == null ? "" : " (" + d.route().recipient() + ")")
                        + (d.error() == null ? "" : ", " + d.error())
                        + (d.respondedBy() == null ? "" : ", by " + d.respondedBy()));
        changes.publishEvent(new CaseChanged(d.incidentId()));
    }

    /** An acknowledgement is the strongest fact about a client: a later attempt's outcome does not undo it. */
    private NoticeStatus unlessAcknowledged(Delivery d, NoticeStatus outcome) {
        return clientStatus(d) == NoticeStatus.ACKNOWLEDGED ? NoticeStatus.ACKNOWLEDGED : outcome;
    }

    private NoticeStatus clientStatus(Delivery d) {
        return cases.clients(d.incidentId()).stream().filter(client -> client.clientId().equals(d.clientId()))
                .map(ClientNotice::status).findFirst().orElse(NoticeStatus.PENDING);
    }

    /**
     * A client's contact wrote about the incident: the message joins the case, unanswered, and its answer clock starts.
     * The same message reported again under another event id is recorded once.
     */
    @Transactional
    public void onMessage(Received<ClientMessage> received) {
        if (!processedEvents.claim(received.eventId(), Topics.CLIENT_MESSAGES)) {
            return;
        }
        ClientMessage m = received.fact();
        lockOrStub(received.incidentId(), m.receivedAt(), clock.instant());
        if (!conversations.addMessage(received.incidentId(), m)) {
            return;
        }
        StringBuilder content = new StringBuilder(m.describe()).append(", in ").append(m.from().languageCode());
        if (m.aboutNoticeId() != null) {
            content.append(", about notice ").append(m.aboutNoticeId());
        }
        if (m.evidenceSha256() != null) {
            content.append("; original kept as evidence, SHA-256 ").append(m.evidenceSha256());
        }
        if (m.attachedBy() != null) {
            content.append("; attached to the incident by ").append(m.attachedBy()).append(" from quarantine");
        }
        content.append(" (message ").append(m.id()).append("):\n").append(m.text());
        timeline.append(received.incidentId(), m.receivedAt(), received.producer(), EntryType.CLIENT_MESSAGE,
                content.toString());
        changes.publishEvent(new CaseChanged(received.incidentId()));
    }

    /**
     * A contact answered the satisfaction survey, usually once the case is closed: the answer joins the record and the
     * CSAT. A second answer of the same contact to the same incident's survey is not counted.
     */
    @Transactional
    public void onSurveyAnswer(Received<SurveyAnswer> received) {
        if (!processedEvents.claim(received.eventId(), Topics.SURVEY_ANSWERED)) {
            return;
        }
        SurveyAnswer a = received.fact();
        lockOrStub(received.incidentId(), a.answeredAt(), clock.instant());
        if (!conversations.addSurveyAnswer(a)) {
            return;
        }
        timeline.append(received.incidentId(), a.answeredAt(), received.producer(), EntryType.SURVEY_ANSWERED,
                "Satisfaction survey answered by " + a.contact().describe() + ", in " + a.contact().languageCode()
                        + ": handling " + a.handling() + "/5, communication " + a.communication()
                        + "/5, all questions answered: " + (a.questionsAnswered() ? "yes" : "no")
                        + (a.comment() == null ? "" : ".\nComment: " + a.comment()));
        changes.publishEvent(new CaseChanged(received.incidentId()));
    }

    @Transactional
    public void on(Closure closure) {
        if (!processedEvents.claim(closure.eventId(), Topics.INCIDENT_CLOSED)) {
            return;
        }
        Instant now = clock.instant();
        IncidentCase current = lockOrStub(closure.incidentId(), closure.occurredAt(), now);
        if (current.status() != CaseStatus.CLOSED) {
            cases.set(closure.incidentId(), now, new String[] {"status", "closed_at"}, CaseStatus.CLOSED,
                    closure.approvedAt());
        }
        timeline.append(closure.incidentId(), closure.occurredAt(), closure.producer(), EntryType.CLOSED,
                "Closed: post-mortem approved by " + closure.approvedBy() + ". Root cause: " + closure.rootCause());
        changes.publishEvent(new CaseChanged(closure.incidentId()));
    }

    /**
     * Listeners of different topics may see a new incident at the same moment (its classification, its first notice):
     * the stub's insert does nothing when another transaction made it, after waiting for that one to commit, so both
     * end up locking the same row instead of one failing on the primary key.
     */
    private IncidentCase lockOrStub(UUID id, Instant openedAt, Instant now) {
        return cases.lock(id).orElseGet(() -> {
            cases.insertStubIfAbsent(id, openedAt, now);
            return cases.lock(id).orElseThrow();
        });
    }

    /** {@link #lockOrStub} for several cases (id to when its first alert was received), in the order of their ids. */
    private Map<UUID, IncidentCase> lockOrStubAll(Map<UUID, Instant> openedAtById, Instant now) {
        cases.insertStubsIfAbsent(openedAtById, now);
        Map<UUID, IncidentCase> locked = cases.lockAll(openedAtById.keySet());
        if (!locked.keySet().equals(openedAtById.keySet())) {
            throw new IllegalStateException("cases vanished while they were locked: " + openedAtById.keySet());
        }
        return locked;
    }
}
