package io.vigie.postmortem.learning;

import io.vigie.postmortem.learning.internal.LearningRows.Resolved;
import io.vigie.postmortem.learning.internal.LearningRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private final LearningRows rows;
    private final Clock clock;

    Learning(LearningRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** Open action items of every post-mortem, overdue ones first, then by due date. */
    @Transactional(readOnly = true)
    public List<OpenActionItem> openActionItems() {
        LocalDate today = LocalDate.now(clock);
        return rows.openActionItems().stream()
                .map(item -> {
                    long late = item.dueDate() == null ? 0
                            : Math.max(0, ChronoUnit.DAYS.between(item.dueDate(), today));
                    return new OpenActionItem(item.id(), item.postmortemId(), item.incidentId(),
                            item.postmortemStatus(), item.description(), item.owner(), item.dueDate(), item.kind(),
                            late > 0, late);
                })
                .sorted(Comparator.comparing(OpenActionItem::overdue).reversed()
                        .thenComparing(OpenActionItem::dueDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    @Transactional(readOnly = true)
    public long overdueActionItems() {
        return rows.overdueActionItems(LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public Map<String, Long> postmortemsByStatus() {
        return rows.postmortemsByStatus();
    }

    /**
     * Root-cause categories (as the team stated them) and incident categories, per month of resolution, over the
     * last {@code months} months, with the categories seen more than once in that window.
     */
    @Transactional(readOnly = true)
    public Trends trends(int months) {
        YearMonth first = YearMonth.now(clock).minusMonths(months - 1L);
        List<Resolved> resolved = rows.resolvedSince(first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        List<Count> rootCauses = counts(resolved.stream().filter(r -> r.rootCause() != null).toList(),
                Resolved::rootCause);
        List<Count> categories = counts(resolved, Resolved::category);
        return new Trends(first.toString(), YearMonth.now(clock).toString(), rootCauses, categories,
                recurring(resolved.stream().map(Resolved::rootCause).filter(c -> c != null).toList()),
                recurring(resolved.stream().map(Resolved::category).toList()));
    }

    private static List<Count> counts(List<Resolved> resolved, Function<Resolved, String> key) {
        Map<String, Map<String, Long>> byMonth = resolved.stream().collect(Collectors.groupingBy(
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
