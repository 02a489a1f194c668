package io.vigie.cases.incident;

import io.vigie.cases.incident.internal.CaseRepository;
import io.vigie.cases.incident.internal.ConversationRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Reads cases for the API, the dashboard and the meters. */
@Component
public class CaseQueries {

    /** The board shows at most this many cases; filters narrow it down. */
    public static final int BOARD_LIMIT = 500;

    private final CaseRepository cases;
    private final ConversationRepository conversations;

    CaseQueries(CaseRepository cases, ConversationRepository conversations) {
        this.cases = cases;
        this.conversations = conversations;
    }

    public IncidentCase get(UUID id) {
        return cases.find(id).orElseThrow(() -> new CaseNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public List<IncidentCase> list(CaseFilter filter) {
        return cases.list(filter, BOARD_LIMIT);
    }

    public List<ClientNotice> clients(UUID id) {
        return cases.clients(id);
    }

    /** The clients the case suggests and nobody confirmed yet: they are not notified until someone does. */
    public List<DetachedClient> detachedClients(UUID id) {
        return cases.detachedClients(id);
    }

    public List<SuggestedClient> suggestedClients(UUID id) {
        return cases.suggestedClients(id);
    }

    /** The languages each client's contacts were written to in so far, by client. */
    public Map<String, List<Language>> contactLanguages(UUID id) {
        return cases.contactLanguages(id);
    }

    /**
     * The languages the incident's client texts should be written in: those its contacts were written to in, or every
     * language while no notice has reported one.
     */
    public List<Language> clientTextLanguages(UUID id) {
        Set<Language> seen = new TreeSet<>();
        cases.contactLanguages(id).values().forEach(seen::addAll);
        return seen.isEmpty() ? List.of(Language.values()) : List.copyOf(seen);
    }

    /** The notices notification-service held for review on this case, whatever became of them, oldest first. */
    public List<HeldNotice> heldNotices(UUID id) {
        return cases.heldNotices(id);
    }

    /** The notices awaiting review at {@code now}, for the cases among {@code ids} that have some. */
    public Map<UUID, AwaitingReview> awaitingReview(Collection<UUID> ids, Instant now) {
        return cases.awaitingReview(ids, now);
    }

    /** What the incident's client contacts wrote, with the answers, oldest first. */
    public List<ClientMessage> clientMessages(UUID id) {
        return conversations.messages(id);
    }

    /** When each client message of the cases among {@code ids} was received and answered; cases without any left out. */
    public Map<UUID, List<QuestionTimes>> questionTimes(Collection<UUID> ids) {
        return conversations.questionTimes(ids);
    }

    /** The clients a call can be logged with: the affected and suggested ones, and those who wrote. */
    public List<String> clientsOf(UUID id) {
        return conversations.clientsOf(id);
    }

    /** The CSAT per client and month since {@code from}, latest month first. */
    public List<CsatFigures> csat(YearMonth from) {
        return conversations.csat(from);
    }

    public List<SurveyAnswer> latestSurveyAnswers(int limit) {
        return conversations.latestSurveyAnswers(limit);
    }

    public List<AttachedAlert> alerts(UUID id) {
        return cases.alerts(id);
    }

    /** A page of the case's alerts, oldest first: a storm case holds thousands. */
    public List<AttachedAlert> alerts(UUID id, long offset, int limit) {
        return cases.alerts(id, offset, limit);
    }

    /** How many alerts the case holds in total, however many a page lists. */
    public long alertCount(UUID id) {
        return cases.countAlerts(id);
    }

    public List<IncidentCase> openedSince(Instant since) {
        return cases.openedSince(since);
    }

    public long failedNotices() {
        return cases.countFailedNotices();
    }

    public List<String> clientIds() {
        return cases.distinct("client");
    }

    public List<String> categories() {
        return cases.distinct("category");
    }

    public List<String> assignees() {
        return cases.distinct("assignee");
    }
}
