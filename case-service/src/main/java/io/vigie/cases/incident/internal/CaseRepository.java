package io.vigie.cases.incident.internal;

import io.vigie.cases.incident.AttachedAlert;
import io.vigie.cases.incident.Attribution;
import io.vigie.cases.incident.Audience;
import io.vigie.cases.incident.AwaitingReview;
import io.vigie.cases.incident.CaseClocks;
import io.vigie.cases.incident.CaseFilter;
import io.vigie.cases.incident.CaseStatus;
import io.vigie.cases.incident.Classification;
import io.vigie.cases.incident.ClientNotice;
import io.vigie.cases.incident.DetachedClient;
import io.vigie.cases.incident.Headline;
import io.vigie.cases.incident.HeldNotice;
import io.vigie.cases.incident.IncidentCase;
import io.vigie.cases.incident.Language;
import io.vigie.cases.incident.Notice;
import io.vigie.cases.incident.NoticeStatus;
import io.vigie.cases.incident.RaisedAlert;
import io.vigie.cases.incident.Scope;
import io.vigie.cases.incident.Severity;
import io.vigie.cases.incident.SuggestedClient;
import io.vigie.platform.kafka.batch.InLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;

/** The case tables. Lists of identifiers are stored one per line, which PostgreSQL and H2 both store as TEXT. */
@Repository
public class CaseRepository {

    private static final RowMapper<IncidentCase> CASES = CaseRepository::toCase;
    private static final String ADD_CLIENT = "INSERT INTO case_client (incident_id, client_id, status, updated_at) "
            + "VALUES (?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING";
    private static final String STUB = "INSERT INTO incident_case (incident_id, classified, title, priority, status, "
            + "notify_clients, personal_data, affected_assets, affected_services, data_categories, opened_at, "
            + "updated_at) VALUES (?, FALSE, '(awaiting classification)', 0, 'OPEN', FALSE, FALSE, '', '', '', ?, ?) "
            + "ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc;

    public CaseRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IncidentCase> find(UUID id) {
        return jdbc.query("SELECT * FROM incident_case WHERE incident_id = ?", CASES, id).stream().findFirst();
    }

    /** Reads the case and locks its row to the end of the transaction: one writer per case at a time. */
    public Optional<IncidentCase> lock(UUID id) {
        return jdbc.query("SELECT * FROM incident_case WHERE incident_id = ? FOR UPDATE", CASES, id).stream()
                .findFirst();
    }

    /** Reads and locks the cases that exist among {@code ids}, in the order of their ids (see {@link #lock}). */
    public Map<UUID, IncidentCase> lockAll(Collection<UUID> ids) {
        Map<UUID, IncidentCase> locked = new HashMap<>();
        for (List<UUID> chunk : InLists.slices(ids.stream().distinct().sorted().toList())) {
            jdbc.query("SELECT * FROM incident_case WHERE incident_id IN (" + InLists.placeholders(chunk.size()) + ") "
                    + "ORDER BY incident_id FOR UPDATE", CASES, chunk.toArray())
                    .forEach(found -> locked.put(found.id(), found));
        }
        return locked;
    }

    public List<IncidentCase> list(CaseFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM incident_case c WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.alertId() != null) {
            // Looked up by the alert the SIEM was answered about: whatever became of its incident.
            sql.append(" AND c.incident_id = (SELECT a.incident_id FROM case_alert a WHERE a.alert_id = ?)");
            args.add(filter.alertId());
        }
        if (filter.status() != null) {
            sql.append(" AND c.status = ?");
            args.add(filter.status().name());
        } else if (filter.alertId() == null) {
            // A client's question waiting for an answer is work left, whatever the incident's state; so is a report
            // the law asks of a client that regulatory-service says is due soon or overdue (the duty outlives the
            // resolution).
            sql.append(" AND (c.status IN ('OPEN', 'NOTIFIED', 'IN_PROGRESS') OR EXISTS (SELECT 1 FROM "
                    + "case_client_message m WHERE m.incident_id = c.incident_id AND m.answered_at IS NULL) "
                    + "OR EXISTS (SELECT 1 FROM case_regulatory_report r WHERE r.incident_id = c.incident_id "
                    + "AND r.state IN ('DUE_SOON', 'OVERDUE')))");
        }
        if (filter.severity() != null) {
            sql.append(" AND c.severity = ?");
            args.add(filter.severity().name());
        }
        if (filter.category() != null) {
            sql.append(" AND c.category = ?");
            args.add(filter.category());
        }
        if (filter.assignee() != null) {
            sql.append(" AND c.assignee = ?");
            args.add(filter.assignee());
        }
        if (filter.client() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM case_client cc WHERE cc.incident_id = c.incident_id "
                    + "AND cc.client_id = ?)");
            args.add(filter.client());
        }
        sql.append(" ORDER BY c.priority DESC, c.opened_at ASC LIMIT ").append(limit);
        return jdbc.query(sql.toString(), CASES, args.toArray());
    }

    public List<IncidentCase> openedSince(Instant since) {
        return jdbc.query("SELECT * FROM incident_case WHERE classified = TRUE AND opened_at >= ? ORDER BY opened_at",
                CASES, utc(since));
    }

    public List<String> distinct(String column) {
        String sql = switch (column) {
            case "client" -> "SELECT DISTINCT client_id FROM case_client ORDER BY client_id";
            case "category" -> "SELECT DISTINCT category FROM incident_case WHERE category IS NOT NULL ORDER BY category";
            case "assignee" -> "SELECT DISTINCT assignee FROM incident_case WHERE assignee IS NOT NULL ORDER BY assignee";
            default -> throw new IllegalArgumentException(column);
        };
        return jdbc.queryForList(sql, String.class);
    }

    /** The row of a case before its classification: made by whichever event of a new incident comes first. */
    public void insertStubIfAbsent(UUID id, Instant openedAt, Instant now) {
        jdbc.update(STUB, id, utc(openedAt), utc(now));
    }

    /** {@link #insertStubIfAbsent} for several cases, in the order of their ids, as {@link #lockAll} locks them. */
    public void insertStubsIfAbsent(Map<UUID, Instant> openedAtById, Instant now) {
        OffsetDateTime at = utc(now);
        jdbc.batchUpdate(STUB, openedAtById.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(stub -> new Object[] {stub.getKey(), utc(stub.getValue()), at}).toList());
    }

    /** Writes what classifications change in a case: everything but its status and what people and notices set. */
    public void saveClassified(Collection<IncidentCase> classified, Instant now) {
        jdbc.batchUpdate("UPDATE incident_case SET classified = ?, title = ?, summary = ?, severity = ?, priority = ?, "
                        + "category = ?, notify_clients = ?, personal_data = ?, impact = ?, "
                        + "affected_assets = ?, affected_services = ?, data_categories = ?, detected_at = ?, "
                        + "opened_at = ?, classified_at = ?, attribution = ?, updated_at = ? WHERE incident_id = ?",
                classified.stream().map(c -> {
                    Headline h = c.headline();
                    Scope scope = c.scope();
                    CaseClocks clocks = c.clocks();
                    return new Object[] {c.classified(), h.title(), h.summary(),
                            h.severity() == null ? null : h.severity().name(), h.priority(), h.category(),
                            c.audience().notifyClients(), scope.personalData(), scope.impact(), lines(scope.assets()),
                            lines(scope.services()), lines(scope.dataCategories()), utc(clocks.detectedAt()),
                            utc(clocks.openedAt()), utc(clocks.classifiedAt()), c.audience().attribution().name(),
                            utc(now), c.id()};
                }).toList());
    }

    public void set(UUID id, Instant now, String column, Object value) {
        set(id, now, new String[] {column}, value);
    }

    /** Sets some columns of one case; the names are this class's callers' constants, never input. */
    public void set(UUID id, Instant now, String[] columns, Object... values) {
        StringJoiner assignments = new StringJoiner(", ");
        for (String column : columns) {
            assignments.add(column + " = ?");
        }
        Object[] args = new Object[values.length + 2];
        for (int i = 0; i < values.length; i++) {
            args[i] = values[i] instanceof Instant instant ? utc(instant)
                    : values[i] instanceof Enum<?> constant ? constant.name() : values[i];
        }
        args[values.length] = utc(now);
        args[values.length + 1] = id;
        jdbc.update("UPDATE incident_case SET " + assignments + ", updated_at = ? WHERE incident_id = ?", args);
    }

    /** The incident's affected clients: those an analyst detached are no longer among them. */
    public List<ClientNotice> clients(UUID id) {
        return jdbc.query("SELECT * FROM case_client WHERE incident_id = ? AND detached_at IS NULL ORDER BY client_id",
                (rs, row) -> new ClientNotice(rs.getString("client_id"), NoticeStatus.valueOf(rs.getString("status")),
                        rs.getString("last_stage"), rs.getString("last_channel"), rs.getString("last_error"),
                        instant(rs, "updated_at")), id);
    }

    /** The clients an analyst detached from the incident, and why. */
    public List<DetachedClient> detachedClients(UUID id) {
        return jdbc.query("SELECT client_id, detached_by, detached_at, detach_reason FROM case_client "
                        + "WHERE incident_id = ? AND detached_at IS NOT NULL ORDER BY client_id",
                (rs, row) -> new DetachedClient(rs.getString("client_id"), rs.getString("detached_by"),
                        instant(rs, "detached_at"), rs.getString("detach_reason")), id);
    }

    /** Whether an analyst detached the client from the incident (and nobody attached it again). */
    public boolean isDetached(UUID id, String clientId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM case_client WHERE incident_id = ? AND client_id = ? "
                + "AND detached_at IS NOT NULL", Integer.class, id, clientId);
        return count != null && count > 0;
    }

    public void detachClient(UUID id, String clientId, String actor, String reason, Instant at) {
        jdbc.update("UPDATE case_client SET detached_at = ?, detached_by = ?, detach_reason = ?, updated_at = ? "
                + "WHERE incident_id = ? AND client_id = ?", utc(at), actor, reason, utc(at), id, clientId);
    }

    /** Attaches a detached client again; its notice status stays what the notices last said. */
    public void reattachClient(UUID id, String clientId, Instant at) {
        jdbc.update("UPDATE case_client SET detached_at = NULL, detached_by = NULL, detach_reason = NULL, "
                + "updated_at = ? WHERE incident_id = ? AND client_id = ?", utc(at), id, clientId);
    }

    public void addClientIfAbsent(UUID id, String clientId, Instant now) {
        jdbc.update(ADD_CLIENT, id, clientId, utc(now));
    }

    /** Adds each case's clients it does not list yet, as PENDING. */
    public void addClientsIfAbsent(Map<UUID, ? extends Collection<String>> clientsByCase, Instant now) {
        OffsetDateTime at = utc(now);
        jdbc.batchUpdate(ADD_CLIENT, clientsByCase.entrySet().stream()
                .flatMap(clients -> clients.getValue().stream().map(client -> new Object[] {clients.getKey(), client, at}))
                .toList());
    }

    public void recordNotice(UUID id, String clientId, NoticeStatus status, String stage, String channel, String error,
                      Instant at) {
        addClientIfAbsent(id, clientId, at);
        jdbc.update("UPDATE case_client SET status = ?, last_stage = ?, last_channel = ?, last_error = ?, "
                        + "updated_at = ? WHERE incident_id = ? AND client_id = ?",
                status.name(), stage, channel, error, utc(at), id, clientId);
    }

    /** Records each case's suggested clients that it does not suggest yet (the first suggestion of each is kept). */
    public void suggestClientsIfAbsent(Map<UUID, ? extends Collection<SuggestedClient>> suggestionsByCase) {
        jdbc.batchUpdate("INSERT INTO case_suggested_client (incident_id, client_id, assets, services, suggested_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                suggestionsByCase.entrySet().stream().flatMap(suggestions -> suggestions.getValue().stream()
                        .map(s -> new Object[] {suggestions.getKey(), s.clientId(), lines(s.assets()),
                                lines(s.services()), utc(s.suggestedAt())})).toList());
    }

    /**
     * Drops the pending suggestions of clients that the cases list as affected: a client the inventory or a bound
     * source vouches for needs nobody's confirmation.
     */
    public void dropSuggestionsOfAffectedClients(Collection<UUID> incidentIds) {
        for (List<UUID> chunk : InLists.slices(incidentIds.stream().distinct().sorted().toList())) {
            jdbc.update("DELETE FROM case_suggested_client WHERE confirmed_at IS NULL AND incident_id IN ("
                    + InLists.placeholders(chunk.size()) + ") AND EXISTS (SELECT 1 FROM case_client cc "
                    + "WHERE cc.incident_id = case_suggested_client.incident_id "
                    + "AND cc.client_id = case_suggested_client.client_id)", chunk.toArray());
        }
    }

    /** The clients the case suggests and nobody confirmed yet. */
    public List<SuggestedClient> suggestedClients(UUID id) {
        return jdbc.query("SELECT * FROM case_suggested_client WHERE incident_id = ? AND confirmed_at IS NULL "
                        + "ORDER BY client_id",
                (rs, row) -> new SuggestedClient(rs.getString("client_id"), list(rs.getString("assets")),
                        list(rs.getString("services")), instant(rs, "suggested_at")), id);
    }

    /** Marks a pending suggestion confirmed; false when there is none (never suggested, or confirmed already). */
    public boolean confirmSuggestion(UUID id, String clientId, String actor, Instant at) {
        return jdbc.update("UPDATE case_suggested_client SET confirmed_by = ?, confirmed_at = ? "
                + "WHERE incident_id = ? AND client_id = ? AND confirmed_at IS NULL", actor, utc(at), id, clientId) == 1;
    }

    /**
     * Records a client an analyst attributed the incident to without any alert suggesting it, as a suggestion
     * confirmed at once: who named it and when stay on record, and naming it again finds it confirmed.
     */
    public void recordAttributedClient(UUID id, String clientId, String actor, Instant at) {
        jdbc.update("INSERT INTO case_suggested_client (incident_id, client_id, assets, services, suggested_at, "
                + "confirmed_by, confirmed_at) VALUES (?, ?, '', '', ?, ?, ?)", id, clientId, utc(at), actor, utc(at));
    }

    public boolean wasConfirmed(UUID id, String clientId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM case_suggested_client WHERE incident_id = ? "
                + "AND client_id = ? AND confirmed_at IS NOT NULL", Integer.class, id, clientId);
        return count != null && count > 0;
    }

    public boolean isAffected(UUID id, String clientId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM case_client WHERE incident_id = ? AND client_id = ? "
                        + "AND detached_at IS NULL",
                Integer.class, id, clientId);
        return count != null && count > 0;
    }

    public void recordContactLanguage(UUID id, String clientId, Language language) {
        jdbc.update("INSERT INTO case_contact_language (incident_id, client_id, language_code) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", id, clientId, language.code());
    }

    /** The languages each client's contacts were written to in, as the notices reported them. */
    public Map<String, List<Language>> contactLanguages(UUID id) {
        Map<String, List<Language>> byClient = new TreeMap<>();
        jdbc.query("SELECT client_id, language_code FROM case_contact_language WHERE incident_id = ?", row -> {
            String client = row.getString(1);
            Language.of(row.getString(2)).ifPresent(language -> byClient
                    .computeIfAbsent(client, any -> new ArrayList<>()).add(language));
        }, id);
        byClient.values().forEach(languages -> languages.sort(null));
        return byClient;
    }

    /** Records a notice held for review, from the first of its HELD deliveries (the later ones add languages). */
    public void holdNotice(UUID id, Notice notice, Instant heldAt, Instant heldUntil) {
        jdbc.update("INSERT INTO case_held_notice (incident_id, notice_id, client_id, stage, sequence_no, held_at, "
                        + "held_until, delivered) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE) ON CONFLICT DO NOTHING",
                id, notice.id(), notice.clientId(), notice.stage(), notice.sequence(), utc(heldAt), utc(heldUntil));
    }

    public void recordHeldNoticeLanguage(UUID id, UUID noticeId, Language language) {
        jdbc.update("INSERT INTO case_held_notice_language (incident_id, notice_id, language_code) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", id, noticeId, language.code());
    }

    /**
     * A delivery of a notice was sent or failed: if the notice was held, it is no longer (the first such delivery
     * says when), and one sent is enough for it to have been delivered. Nothing for a notice that was never held.
     */
    public void releaseHeldNotice(UUID id, UUID noticeId, boolean sent, Instant at) {
        jdbc.update("UPDATE case_held_notice SET released_at = COALESCE(released_at, ?), delivered = (delivered OR ?) "
                + "WHERE incident_id = ? AND notice_id = ?", utc(at), sent, id, noticeId);
    }

    /** Marks a held notice approved, unless it was approved already or has gone out. */
    public void approveHeldNotice(UUID id, UUID noticeId, String actor, Instant at) {
        jdbc.update("UPDATE case_held_notice SET approved_by = ?, approved_at = ? WHERE incident_id = ? "
                + "AND notice_id = ? AND approved_at IS NULL AND released_at IS NULL", actor, utc(at), id, noticeId);
    }

    /** The notices of the case that were held for review, in the order they were held. */
    public List<HeldNotice> heldNotices(UUID id) {
        return heldNotices(id, null);
    }

    public Optional<HeldNotice> heldNotice(UUID id, UUID noticeId) {
        return heldNotices(id, noticeId).stream().findFirst();
    }

    private List<HeldNotice> heldNotices(UUID id, UUID noticeId) {
        String which = noticeId == null ? "" : " AND notice_id = ?";
        Object[] args = noticeId == null ? new Object[] {id} : new Object[] {id, noticeId};
        Map<UUID, List<Language>> languages = new HashMap<>();
        jdbc.query("SELECT notice_id, language_code FROM case_held_notice_language WHERE incident_id = ?" + which,
                row -> {
                    UUID notice = row.getObject(1, UUID.class);
                    Language.of(row.getString(2)).ifPresent(language -> languages
                            .computeIfAbsent(notice, any -> new ArrayList<>()).add(language));
                }, args);
        languages.values().forEach(list -> list.sort(null));
        return jdbc.query("SELECT * FROM case_held_notice WHERE incident_id = ?" + which
                        + " ORDER BY held_at, client_id, notice_id",
                (rs, row) -> {
                    UUID notice = rs.getObject("notice_id", UUID.class);
                    return new HeldNotice(new Notice(notice, rs.getString("client_id"), rs.getString("stage"),
                            rs.getInt("sequence_no")), languages.getOrDefault(notice, List.of()),
                            instant(rs, "held_until"), rs.getString("approved_by"), instant(rs, "approved_at"),
                            instant(rs, "released_at"), rs.getBoolean("delivered"));
                }, args);
    }

    /** The notices awaiting review at {@code now}, per case among {@code ids}; the cases without any are left out. */
    public Map<UUID, AwaitingReview> awaitingReview(Collection<UUID> ids, Instant now) {
        Map<UUID, AwaitingReview> byCase = new HashMap<>();
        for (List<UUID> chunk : InLists.slices(ids.stream().distinct().toList())) {
            List<Object> args = new ArrayList<>(chunk);
            args.add(utc(now));
            jdbc.query("SELECT incident_id, count(*), min(held_until) FROM case_held_notice WHERE incident_id IN ("
                    + InLists.placeholders(chunk.size()) + ") AND approved_at IS NULL AND released_at IS NULL "
                    + "AND (held_until IS NULL OR held_until > ?) GROUP BY incident_id", row -> {
                        OffsetDateTime first = row.getObject(3, OffsetDateTime.class);
                        byCase.put(row.getObject(1, UUID.class), new AwaitingReview(row.getInt(2),
                                first == null ? null : first.toInstant()));
                    }, args.toArray());
        }
        return byCase;
    }

    public List<AttachedAlert> alerts(UUID id) {
        return jdbc.query("SELECT * FROM case_alert WHERE incident_id = ? ORDER BY received_at, alert_id",
                CaseRepository::toAlert, id);
    }

    /** A page of the case's alerts, oldest first (the alert id breaks ties, so pages neither skip nor repeat). */
    public List<AttachedAlert> alerts(UUID id, long offset, int limit) {
        return jdbc.query("SELECT * FROM case_alert WHERE incident_id = ? ORDER BY received_at, alert_id "
                + "LIMIT ? OFFSET ?", CaseRepository::toAlert, id, limit, offset);
    }

    public long countAlerts(UUID id) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM case_alert WHERE incident_id = ?", Long.class, id);
        return count == null ? 0 : count;
    }

    private static AttachedAlert toAlert(ResultSet rs, int row) throws SQLException {
        return new AttachedAlert(rs.getObject("alert_id", UUID.class), rs.getString("title"), rs.getString("source"),
                rs.getString("source_name"), rs.getString("source_reference"), rs.getString("asset"),
                instant(rs, "received_at"));
    }

    /** {@link #alertLink} of several alerts at once: the unknown ones are left out. */
    public Map<UUID, AlertLink> alertLinks(Collection<UUID> alertIds) {
        Map<UUID, AlertLink> links = new HashMap<>();
        for (List<UUID> chunk : InLists.slices(alertIds.stream().distinct().toList())) {
            jdbc.query("SELECT alert_id, incident_id, raised_known FROM case_alert WHERE alert_id IN ("
                    + InLists.placeholders(chunk.size()) + ")", row -> {
                        links.put(row.getObject(1, UUID.class),
                                new AlertLink(row.getObject(2, UUID.class), row.getBoolean(3)));
                    }, chunk.toArray());
        }
        return links;
    }

    /**
     * Inserts the alerts that are not there yet and answers the others: those another transaction inserted since
     * they were looked up (the other topic's listener), after waiting for it to commit.
     */
    public List<RaisedAlert> insertRaisedAlertsIfAbsent(List<RaisedAlert> alerts) {
        int[] inserted = jdbc.batchUpdate("INSERT INTO case_alert (alert_id, raised_known, title, source, source_name, "
                        + "source_reference, asset, description, detected_at, received_at) "
                        + "VALUES (?, TRUE, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                alerts.stream().map(a -> new Object[] {a.alertId(), a.title(), a.detection().source(),
                        a.sourceName(), a.detection().sourceReference(), a.asset(), a.description(),
                        utc(a.detection().detectedAt()), utc(a.detection().receivedAt())})
                        .toList());
        return notInserted(alerts, inserted);
    }

    public void completeWithRaised(List<RaisedAlert> alerts) {
        jdbc.batchUpdate("UPDATE case_alert SET raised_known = TRUE, title = ?, source_name = ?, asset = ?, "
                        + "description = ?, detected_at = ? WHERE alert_id = ?",
                alerts.stream().map(a -> new Object[] {a.title(), a.sourceName(), a.asset(), a.description(),
                        utc(a.detection().detectedAt()), a.alertId()}).toList());
    }

    /** Inserts the classified alerts that are not there yet and answers the others, as insertRaisedAlertsIfAbsent. */
    public List<Classification> insertClassifiedAlertsIfAbsent(List<Classification> classifications) {
        int[] inserted = jdbc.batchUpdate("INSERT INTO case_alert (alert_id, incident_id, raised_known, title, source, "
                        + "source_reference, detected_at, received_at) VALUES (?, ?, FALSE, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                classifications.stream().map(c -> new Object[] {c.alertId(), c.incidentId(), c.headline().title(),
                        c.alert().source(), c.alert().sourceReference(), utc(c.alert().detectedAt()),
                        utc(c.alert().receivedAt())}).toList());
        return notInserted(classifications, inserted);
    }

    private static <T> List<T> notInserted(List<T> rows, int[] inserted) {
        List<T> present = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (inserted[i] == 0) {
                present.add(rows.get(i));
            }
        }
        return present;
    }

    /** Attaches known alerts (alert id to incident id) to their incidents. */
    public void attachAlerts(Map<UUID, UUID> incidentByAlert) {
        jdbc.batchUpdate("UPDATE case_alert SET incident_id = ? WHERE alert_id = ?", incidentByAlert.entrySet().stream()
                .map(attached -> new Object[] {attached.getValue(), attached.getKey()}).toList());
    }

    public record AlertLink(UUID incidentId, boolean raisedKnown) {
    }

    public long countActive(Severity severity) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM incident_case "
                + "WHERE status IN ('OPEN', 'NOTIFIED', 'IN_PROGRESS') AND severity = ?", Long.class, severity.name());
        return count == null ? 0 : count;
    }

    /** Active cases of that severity whose clients should be told but none is known (see {@link Attribution}). */
    public long countAwaitingAttribution(Severity severity) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM incident_case WHERE attribution = 'AWAITING' "
                + "AND status IN ('OPEN', 'NOTIFIED', 'IN_PROGRESS') AND severity = ?", Long.class, severity.name());
        return count == null ? 0 : count;
    }

    public long countFailedNotices() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM case_client cc JOIN incident_case c "
                + "ON c.incident_id = cc.incident_id WHERE cc.status = 'FAILED' AND cc.detached_at IS NULL "
                + "AND c.status IN ('OPEN', 'NOTIFIED', 'IN_PROGRESS')", Long.class);
        return count == null ? 0 : count;
    }

    private static IncidentCase toCase(ResultSet rs, int row) throws SQLException {
        String severity = rs.getString("severity");
        Boolean dataCompromised = rs.getObject("data_compromised", Boolean.class);
        Headline headline = new Headline(rs.getString("title"), rs.getString("summary"),
                severity == null ? null : Severity.valueOf(severity), rs.getInt("priority"), rs.getString("category"));
        Scope scope = new Scope(rs.getBoolean("personal_data"), rs.getString("impact"),
                list(rs.getString("affected_assets")), list(rs.getString("affected_services")),
                list(rs.getString("data_categories")));
        Audience audience = new Audience(rs.getBoolean("notify_clients"),
                Attribution.valueOf(rs.getString("attribution")));
        CaseClocks clocks = new CaseClocks(instant(rs, "detected_at"), instant(rs, "opened_at"),
                instant(rs, "classified_at"), instant(rs, "first_notified_at"), instant(rs, "first_acknowledged_at"),
                instant(rs, "resolved_at"), instant(rs, "closed_at"), instant(rs, "updated_at"));
        return new IncidentCase(rs.getObject("incident_id", UUID.class), rs.getBoolean("classified"),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("assignee"), headline, scope, audience,
                clocks, rs.getString("resolution_summary"), dataCompromised);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String lines(List<String> values) {
        return String.join("\n", values);
    }

    private static List<String> list(String lines) {
        return lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
    }
}
