package io.vigie.notification.survey.internal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.events.SurveyAnswered;
import io.vigie.events.Topics;
import io.vigie.notification.notice.Notice;
import io.vigie.notification.notice.Notices;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.survey.SurveyAnswer;
import io.vigie.platform.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Records survey answers: one per contact and incident (the table's constraint decides, whatever races), stored and
 * published as SurveyAnswered in one transaction, so case-service and postmortem-service see each answer once.
 */
@Service
public class Surveys {

    /** The survey as one contact of one FOLLOW_UP notice is asked it, and their answer once given. */
    public record Invitation(Notice notice, String contactId, String contactName, String language, String subject,
                             Optional<SurveyAnswer> answer) {
    }

    public record Recorded(SurveyAnswer answer, boolean firstTime) {
    }

    private final JdbcTemplate jdbc;
    private final Notices notices;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    public Surveys(JdbcTemplate jdbc, Notices notices, Outbox outbox, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /** The survey of a FOLLOW_UP notice for one of its contacts; empty for any other notice or contact. */
    @Transactional(readOnly = true)
    public Optional<Invitation> invitation(UUID noticeId, String contactId) {
        Optional<Notice> notice = notices.find(noticeId).filter(found -> found.stage() == Stage.FOLLOW_UP);
        if (notice.isEmpty()) {
            return Optional.empty();
        }
        // The contact's name and language as the notice was written for them; the subject once it was sent.
        return jdbc.query("SELECT contact_name, language, subject FROM delivery WHERE notice_id = ? AND contact_id = ? "
                                + "ORDER BY subject IS NULL, position",
                        (rs, n) -> new Invitation(notice.get(), contactId, rs.getString(1), rs.getString(2),
                                rs.getString(3), existing(notice.get(), contactId)), noticeId, contactId)
                .stream().findFirst();
    }

    /** Records the answer, or returns the one given before: a second answer changes and publishes nothing. */
    @Transactional
    public Recorded answer(Invitation invitation, int handling, int communication, boolean questionsAnswered,
                           String comment) {
        Notice notice = invitation.notice();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int inserted = jdbc.update("INSERT INTO survey_answer (id, incident_id, client_id, contact_id, notice_id, "
                        + "contact_name, language, handling_rating, communication_rating, questions_answered, comment, "
                        + "answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                UUID.randomUUID(), notice.incidentId(), notice.clientId(), invitation.contactId(), notice.id(),
                invitation.contactName(), invitation.language(), handling, communication, questionsAnswered, comment,
                Timestamp.from(now));
        if (inserted == 0) {
            return new Recorded(existing(notice, invitation.contactId()).orElseThrow(), false);
        }
        SurveyAnswer answer = new SurveyAnswer(handling, communication, questionsAnswered, comment, now);
        outbox.append(Topics.SURVEY_ANSWERED, notice.incidentId().toString(), SurveyAnswered.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("notification-service")
                .setIncidentId(notice.incidentId()).setClientId(notice.clientId())
                .setContactId(invitation.contactId()).setContactName(invitation.contactName())
                .setLanguage(invitation.language()).setHandlingRating(handling)
                .setCommunicationRating(communication).setQuestionsAnswered(questionsAnswered).setComment(comment)
                .setAnsweredAt(now).build());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count(notice.clientId(), answer);
            }
        });
        return new Recorded(answer, true);
    }

    /**
     * The CSAT meters, counted once the answer is committed: the ratings per client and aspect, with a bucket at each
     * grade so that Grafana can tell the satisfied (4 and 5) from the rest, and the answers per client that say
     * questions were left unanswered.
     */
    private void count(String clientId, SurveyAnswer answer) {
        rating(clientId, "handling").record(answer.handlingRating());
        rating(clientId, "communication").record(answer.communicationRating());
        meters.counter("vigie.notification.survey.answers", "client", clientId, "questions_answered",
                answer.questionsAnswered() ? "yes" : "no").increment();
    }

    private DistributionSummary rating(String clientId, String aspect) {
        return DistributionSummary.builder("vigie.notification.survey.rating")
                .description("Satisfaction survey ratings, 1 (very poor) to 5 (excellent)")
                .tags("client", clientId, "aspect", aspect)
                .serviceLevelObjectives(1, 2, 3, 4, 5)
                .register(meters);
    }

    // One answer per contact and incident, whichever of the incident's FOLLOW_UP notices it came from.
    private Optional<SurveyAnswer> existing(Notice notice, String contactId) {
        return jdbc.query("SELECT handling_rating, communication_rating, questions_answered, comment, answered_at "
                                + "FROM survey_answer WHERE incident_id = ? AND client_id = ? AND contact_id = ?",
                        (rs, n) -> new SurveyAnswer(rs.getInt(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant()),
                        notice.incidentId(), notice.clientId(), contactId)
                .stream().findFirst();
    }
}
