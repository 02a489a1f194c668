package io.vigie.postmortem.learning;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the team learns across incidents: the follow-up of action items, and what keeps coming back. */
@Service
public class Learning {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Learning(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Open action items of every post-mortem, overdue ones first, then by due date. */
    @Transactional(readOnly = true)
    public List<OpenActionItem> openActionItems() {
        LocalDate today = LocalDate.now(clock);
        return jdbc.query("SELECT a.id, p.id, p.incident_id, p.status, a.description, a.owner, a.due_date, a.kind "
                        + "FROM action_item a JOIN postmortem p ON p.id = a.postmortem_id WHERE a.completed_at IS NULL",
                (rs, n) -> {
                    Date due = rs.getDate(7);
                    LocalDate dueDate = due == null ? null : due.toLocalDate();
                    long late = dueDate == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
                    return new OpenActionItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6), dueDate,
                            rs.getString(8), late > 0, late);
                }).stream()
                .sorted(Comparator.comparing(OpenActionItem::overdue).reversed()
                        .thenComparing(OpenActionItem::dueDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    @Transactional(readOnly = true)
    public long overdueActionItems() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM action_item WHERE completed_at IS NULL AND due_date < ?",
                Long.class, Date.valueOf(LocalDate.now(clock)));
    }

    @Transactional(readOnly = true)
    public Map<String, Long> postmortemsByStatus() {
        Map<String, Long> counts = new TreeMap<>(Map.of("DRAFT", 0L, "APPROVED", 0L));
        jdbc.query("SELECT status, COUNT(*) FROM postmortem GROUP BY status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * Root-cause categories (as the team stated them) and incident categories, per month of resolution, over the
     * last {@code months} months, with the categories seen more than once in that window.
     */
    @Transactional(readOnly = true)
    public Trends trends(int months) {
        YearMonth first = YearMonth.now(clock).minusMonths(months - 1L);
        Timestamp from = Timestamp.from(first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        List<Row> rows = jdbc.query("SELECT resolved_at, incident_category, root_cause_category FROM postmortem "
                        + "WHERE resolved_at >= ?",
                (rs, n) -> new Row(YearMonth.from(rs.getTimestamp(1).toInstant().atZone(ZoneOffset.UTC)),
                        rs.getString(2), rs.getString(3)), from);
        List<Count> rootCauses = counts(rows.stream().filter(r -> r.rootCause() != null).toList(), Row::rootCause);
        List<Count> categories = counts(rows, Row::category);
        return new Trends(first.toString(), YearMonth.now(clock).toString(), rootCauses, categories,
                recurring(rows.stream().map(Row::rootCause).filter(c -> c != null).toList()),
                recurring(rows.stream().map(Row::category).toList()));
    }

    private static List<Count> counts(List<Row> rows, Function<Row, String> key) {
        Map<String, Map<String, Long>> byMonth = rows.stream().collect(Collectors.groupingBy(
                r -> r.month().toString(), TreeMap::new, Collectors.groupingBy(key, TreeMap::new, Collectors.counting())));
        return byMonth.entrySet().stream().flatMap(month -> month.getValue().entrySet().stream()
                .map(c -> new Count(month.getKey(), c.getKey(), c.getValue()))).toList();
    }

    private static List<Recurring> recurring(List<String> values) {
        return values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Recurring(e.getKey(), e.getValue())).toList();
    }

    private record Row(YearMonth month, String category, String rootCause) {
    }

    public record OpenActionItem(UUID id, UUID postmortemId, UUID incidentId, String postmortemStatus,
                                 String description, String owner, LocalDate dueDate, String kind, boolean overdue,
                                 long daysOverdue) {
    }

    public record Count(String month, String category, long count) {
    }

    public record Recurring(String category, long count) {
    }

    public record Trends(String fromMonth, String toMonth, List<Count> rootCauseCategories,
                         List<Count> incidentCategories, List<Recurring> recurringRootCauseCategories,
                         List<Recurring> recurringIncidentCategories) {
    }
}
