package io.vigie.cases.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vigie.cases.incident.AttachedAlert;
import io.vigie.cases.incident.ClientMessage;
import io.vigie.cases.incident.ClientNotice;
import io.vigie.cases.incident.DetachedClient;
import io.vigie.cases.incident.Language;
import io.vigie.cases.incident.SuggestedClient;
import io.vigie.cases.regulatory.RegulatoryReport;
import io.vigie.cases.sla.SlaClock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case as the API shows it: the case, its clients' notice status, the clients it suggests and those detached, the
 * languages to write the clients' texts in, the notices held for review, what its clients wrote with the answers, the
 * reports the law asks of its clients, its alerts and its clocks.
 * <p>
 * Wide: the JSON body of {@code GET /api/cases/{id}} and of every command's answer, read by the dashboard and the
 * system tests; its fields are that contract's, each a list or view of its own.
 */
record CaseDetails(
        CaseView incident,
        List<ClientNotice> clients,
        @Schema(description = "Suggested clients — not notified until confirmed: the alerts name them, but neither the "
                + "inventory nor the source's bindings say they are affected. POST "
                + "/api/cases/{id}/clients/{clientId}/confirm to notify one.")
        List<SuggestedClient> suggestedClients,
        @Schema(description = "Clients an analyst detached from the incident, with who did it, when and why: they get "
                + "no further notice about it. POST /api/cases/{id}/clients to attach one again.")
        List<DetachedClient> detachedClients,
        @Schema(description = "The languages to write the clients' texts (clientMessages) in: those the incident's "
                + "contacts were written to in, or every language (fr, en, de) while no notice reported one")
        List<String> clientTextLanguages,
        @Schema(description = "The notices notification-service held for a communications user's review, oldest "
                + "first, with what became of them. One AWAITING_REVIEW goes out by itself at heldUntil unless "
                + "approved earlier: POST /api/cases/{id}/notices/{noticeId}/approval.")
        List<HeldNotice> heldNotices,
        @Schema(description = "What the incident's client contacts wrote (questions from the question page, email "
                + "replies), oldest first, with the answers. An UNANSWERED one has its ANSWER clock running: POST "
                + "/api/cases/{id}/messages/{messageId}/answer, or log a call that answers it.")
        List<ClientQuestion> clientQuestions,
        @Schema(description = "The reports the law asks of the incident's clients (GDPR, NIS2, DORA), as "
                + "regulatory-service, their one owner, reported them: one per client and report, the first due "
                + "first. The deadline and the rule that set it are regulatory-service's; nothing here computes one.")
        List<RegulatoryReportView> regulatoryReports,
        @Schema(description = "How many alerts the incident holds in total; a storm holds thousands")
        long alertCount,
        @Schema(description = "Its first alerts, oldest first, at most " + CaseDetails.ALERTS_LISTED + ": GET "
                + "/api/cases/{id}/alerts?offset=&limit= pages through all of them")
        List<AttachedAlert> alerts,
        @Schema(description = "The NOTIFY clock's state (RUNNING, AT_RISK, MET, BREACHED, STOPPED), or "
                + "NO_CLIENT_AFFECTED when there is no client to notify (triage said not to, or the attribution was "
                + "dismissed): no notify deadline applies; null before the classification")
        String notifyClock,
        List<Clock> clocks) {

    /** How many alerts a case's details list; the alerts endpoint pages through the rest. */
    static final int ALERTS_LISTED = 100;

    /** A page of a case's alerts, oldest first, with the total. */
    record AlertPage(long total, long offset, int limit, List<AttachedAlert> alerts) {
    }

    /**
     * A held notice, with its state at the time of the answer.
     *
     * @param languages the languages of its contacts, to write the added texts in
     */
    record HeldNotice(UUID noticeId, String clientId, String stage, int sequence, List<String> languages,
                      Instant heldUntil,
                      @Schema(description = "AWAITING_REVIEW (can be approved), APPROVED (approved here, sending), "
                              + "RELEASING (its time passed, notification-service sends it as it is), SENT (approved "
                              + "and sent), RELEASED_AUTOMATICALLY (sent without approval), FAILED (released, its "
                              + "delivery failed and is retried)")
                      String state,
                      String approvedBy, Instant approvedAt) {

        static HeldNotice of(io.vigie.cases.incident.HeldNotice held, Instant now) {
            return new HeldNotice(held.notice().id(), held.notice().clientId(), held.notice().stage(),
                    held.notice().sequence(), held.languages().stream().map(Language::code).toList(),
                    held.heldUntil(), held.state(now).name(), held.approvedBy(), held.approvedAt());
        }
    }

    /**
     * A client's message and its answer.
     * <p>
     * Wide: an item of {@code clientQuestions} in the API's JSON, whose flat shape is the contract.
     *
     * @param language the contact's language: the answer is written in it
     * @param answer   null while UNANSWERED
     */
    record ClientQuestion(UUID messageId, String clientId, String contactId, String contactName, String language,
                          @Schema(description = "QUESTION_PAGE or EMAIL_REPLY") String via, String text,
                          Instant receivedAt, UUID aboutNoticeId, String evidenceSha256, String attachedBy,
                          @Schema(description = "UNANSWERED, ANSWERED (in writing) or ANSWERED_BY_PHONE") String state,
                          ClientMessage.Answer answer) {

        static ClientQuestion of(ClientMessage m) {
            return new ClientQuestion(m.id(), m.from().clientId(), m.from().contactId(), m.from().name(),
                    m.from().languageCode(), m.via().name(), m.text(), m.receivedAt(), m.aboutNoticeId(),
                    m.evidenceSha256(), m.attachedBy(), m.state().name(), m.answer());
        }
    }

    /**
     * A regulatory report at the time of the answer.
     * <p>
     * Wide: an item of {@code regulatoryReports} in the API's JSON, whose flat shape is the contract.
     *
     * @param state OPEN, DUE_SOON, OVERDUE (as reported, or once {@code dueAt} passed with nothing submitted),
     *              SUBMITTED or WITHDRAWN
     */
    record RegulatoryReportView(String clientId, String report, String regime, String title, String rule,
                                String authority, Instant awareAt, Instant dueAt, String state, Instant submittedAt,
                                String submittedBy, String authorityReference, boolean late,
                                List<String> elementsToFollow, String reason, Instant updatedAt) {

        static RegulatoryReportView of(RegulatoryReport r, Instant now) {
            RegulatoryReport.Submission s = r.submission();
            RegulatoryReport.Requirement q = r.requirement();
            return new RegulatoryReportView(r.clientId(), q.report(), q.regime(), q.title(), q.rule(), q.authority(),
                    r.deadline().awareAt(), r.deadline().dueAt(), r.stateAt(now).name(),
                    s == null ? null : s.submittedAt(), s == null ? null : s.submittedBy(),
                    s == null ? null : s.authorityReference(), s != null && s.late(),
                    s == null ? List.of() : s.elementsToFollow(), r.reason(), r.updatedAt());
        }
    }

    /** A clock, with durations in seconds; an ANSWER clock names the client message it waits to see answered. */
    record Clock(String kind, String state, Instant start, Instant end, Instant deadline, long targetSeconds,
                 long elapsedSeconds, long remainingSeconds, UUID messageId) {

        static Clock of(SlaClock clock) {
            return new Clock(clock.kind().name(), clock.state().name(), clock.start(), clock.end(), clock.deadline(),
                    clock.target().toSeconds(), clock.elapsed().toSeconds(), clock.remaining().toSeconds(),
                    clock.messageId());
        }
    }
}
