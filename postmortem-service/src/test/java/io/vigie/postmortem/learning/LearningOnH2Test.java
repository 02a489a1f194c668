package io.vigie.postmortem.learning;

import io.vigie.postmortem.H2Database;
import io.vigie.postmortem.learning.internal.LearningRows;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Overdue is decided by the service's clock: fixed here, so the flags are the same on every day the test runs. */
class LearningOnH2Test {

    private final H2Database h2 = H2Database.migrated();
    private final Learning learning = new Learning(new LearningRows(h2.jdbc()),
            Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void shouldFlagOverdueItemsAndCountRecurringCategories() {
        UUID first = postmortem("2026-10-05T10:00:00Z", "MALWARE", "PROCESS");
        UUID second = postmortem("2026-11-02T10:00:00Z", "MALWARE", "PROCESS");
        postmortem("2026-11-03T10:00:00Z", "PHISHING", null);
        item(first, "Patch", LocalDate.of(2026, 11, 20), null);
        item(second, "Train", LocalDate.of(2026, 11, 23), null);
        item(second, "Done", LocalDate.of(2026, 11, 1), Instant.parse("2026-11-02T00:00:00Z"));

        assertThat(learning.openActionItems()).extracting(Learning.OpenActionItem::description,
                Learning.OpenActionItem::overdue, Learning.OpenActionItem::daysOverdue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Patch", true, 3L),
                org.assertj.core.groups.Tuple.tuple("Train", false, 0L));
        assertThat(learning.overdueActionItems()).isEqualTo(1);
        assertThat(learning.postmortemsByStatus()).containsEntry("DRAFT", 3L).containsEntry("APPROVED", 0L);

        Learning.Trends trends = learning.trends(2);
        assertThat(trends.fromMonth()).isEqualTo("2026-10");
        assertThat(trends.rootCauseCategories()).containsExactly(new Learning.Count("2026-10", "PROCESS", 1),
                new Learning.Count("2026-11", "PROCESS", 1));
        assertThat(trends.incidentCategories()).containsExactly(new Learning.Count("2026-10", "MALWARE", 1),
                new Learning.Count("2026-11", "MALWARE", 1), new Learning.Count("2026-11", "PHISHING", 1));
        assertThat(trends.recurringRootCauseCategories()).containsExactly(new Learning.Recurring("PROCESS", 2));
        assertThat(trends.recurringIncidentCategories()).containsExactly(new Learning.Recurring("MALWARE", 2));
        assertThat(learning.trends(1).incidentCategories()).hasSize(2);
    }

    private UUID postmortem(String resolvedAt, String category, String rootCause) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.parse(resolvedAt));
        h2.jdbc().update("INSERT INTO postmortem (id, incident_id, status, severity, incident_category, "
                        + "root_cause_category, resolved_at, created_at, updated_at, analysis) "
                        + "VALUES (?, ?, 'DRAFT', 'HIGH', ?, ?, ?, ?, ?, '{}')",
                id, UUID.randomUUID(), category, rootCause, at, at, at);
        return id;
    }

    private void item(UUID postmortem, String description, LocalDate due, Instant completedAt) {
        h2.jdbc().update("INSERT INTO action_item (id, postmortem_id, position, description, owner, due_date, kind, "
                        + "completed_at) VALUES (?, ?, 0, ?, 'bob', ?, 'OTHER', ?)", UUID.randomUUID(), postmortem,
                description, Date.valueOf(due), completedAt == null ? null : Timestamp.from(completedAt));
    }
}
