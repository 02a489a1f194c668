package io.vigie.notification.regulator;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.notification.InvalidInputException;
import io.vigie.notification.NotFoundException;
import io.vigie.notification.notice.PersonalDataBreach;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Prepares, edits and records the regulator notices. */
@Service
class RegulatorNotices {

    private static final String COLUMNS = "incident_id, aware_at, deadline, nature, data_categories, client_ids, "
            + "approximate_people, approximate_records, dpo_contact, likely_consequences, measures, submitted_at, "
            + "submitted_by, submission_reference, art34_notify_subjects, art34_reason, art34_decided_by, "
            + "art34_decided_at";

    private final JdbcTemplate jdbc;
    private final RegulatorProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    RegulatorNotices(JdbcTemplate jdbc, RegulatorProperties properties, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** In the classification's transaction: the draft exists exactly when the classification was recorded. */
    @EventListener
    void prepare(PersonalDataBreach breach) {
        String nature = breach.title() + (breach.context() == null ? "" : ". " + breach.context())
                + (breach.impact() == null ? "" : " " + breach.impact());
        int created = jdbc.update("INSERT INTO regulator_notice (incident_id, aware_at, deadline, nature, "
                        + "data_categories, client_ids, dpo_contact, measures, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                breach.incidentId(), Timestamp.from(breach.awareAt()), Timestamp.from(breach.deadline()), nature,
                String.join(",", breach.dataCategories()), String.join(",", breach.clientIds()),
                properties.dpoContact(), String.join("\n", breach.measures()), Timestamp.from(clock.instant()));
        if (created == 1) {
            meters.counter("vigie.notification.regulator.notices", "event", "prepared").increment();
        }
    }

    List<RegulatorNotice> all(boolean pendingOnly) {
        return jdbc.query("SELECT " + COLUMNS + " FROM regulator_notice "
                + (pendingOnly ? "WHERE submitted_at IS NULL " : "") + "ORDER BY deadline", this::row);
    }

    Optional<RegulatorNotice> find(UUID incidentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM regulator_notice WHERE incident_id = ?", this::row, incidentId)
                .stream().findFirst();
    }

    @Transactional
    RegulatorNotice edit(UUID incidentId, RegulatorNoticeController.DraftBody draft, String editor) {
        RegulatorNotice current = existing(incidentId);
        if (current.submittedAt() != null) {
            throw new InvalidInputException(409, "The notification was submitted; it can no longer change",
                    List.of(InvalidInputException.field("submittedAt", current.submittedAt().toString())));
        }
        jdbc.update("UPDATE regulator_notice SET nature = ?, approximate_people = ?, approximate_records = ?, "
                        + "dpo_contact = ?, likely_consequences = ?, measures = ?, updated_by = ?, updated_at = ? "
                        + "WHERE incident_id = ?",
                or(draft.nature(), current.nature()), draft.approximatePeople(), draft.approximateRecords(),
                or(draft.dpoContact(), current.dpoContact()), draft.likelyConsequences(),
                or(draft.measures(), current.measures()), editor, Timestamp.from(clock.instant()), incidentId);
        return existing(incidentId);
    }

    @Transactional
    RegulatorNotice submitted(UUID incidentId, String reference, String by) {
        RegulatorNotice current = existing(incidentId);
        if (current.submittedAt() != null) {
            throw new InvalidInputException(409, "The notification was already submitted",
                    List.of(InvalidInputException.field("submittedAt", current.submittedAt().toString())));
        }
        jdbc.update("UPDATE regulator_notice SET submitted_at = ?, submitted_by = ?, submission_reference = ? "
                + "WHERE incident_id = ? AND submitted_at IS NULL", Timestamp.from(clock.instant()), by, reference,
                incidentId);
        meters.counter("vigie.notification.regulator.notices", "event",
                clock.instant().isAfter(current.deadline()) ? "submitted-late" : "submitted").increment();
        return existing(incidentId);
    }

    @Transactional
    RegulatorNotice art34Decision(UUID incidentId, boolean notifyDataSubjects, String reason, String by) {
        existing(incidentId);
        jdbc.update("UPDATE regulator_notice SET art34_notify_subjects = ?, art34_reason = ?, art34_decided_by = ?, "
                        + "art34_decided_at = ? WHERE incident_id = ?", notifyDataSubjects, reason, by,
                Timestamp.from(clock.instant()), incidentId);
        return existing(incidentId);
    }

    private RegulatorNotice existing(UUID incidentId) {
        return find(incidentId).orElseThrow(() -> new NotFoundException(
                "No regulator notice for incident " + incidentId + " (no personal data involved, or unknown)"));
    }

    private RegulatorNotice row(ResultSet rs, int n) throws SQLException {
        Instant deadline = rs.getTimestamp("deadline").toInstant();
        Instant submittedAt = instant(rs.getTimestamp("submitted_at"));
        return new RegulatorNotice(rs.getObject("incident_id", UUID.class), rs.getTimestamp("aware_at").toInstant(),
                deadline, submittedAt == null ? clock.instant().isAfter(deadline) : submittedAt.isAfter(deadline),
                rs.getString("nature"), split(rs.getString("data_categories")), split(rs.getString("client_ids")),
                rs.getObject("approximate_people", Long.class),
                rs.getObject("approximate_records", Long.class), rs.getString("dpo_contact"),
                rs.getString("likely_consequences"), rs.getString("measures"), submittedAt,
                rs.getString("submitted_by"), rs.getString("submission_reference"),
                rs.getObject("art34_notify_subjects", Boolean.class), rs.getString("art34_reason"),
                rs.getString("art34_decided_by"), instant(rs.getTimestamp("art34_decided_at")));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
