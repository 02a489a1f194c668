package io.vigie.postmortem.report;

import io.vigie.postmortem.H2Database;
import io.vigie.postmortem.incident.Incident;
import io.vigie.postmortem.report.internal.PostmortemRepository;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The post-mortem tables and queries on H2 in PostgreSQL mode, as the local stack runs them. */
class PostmortemRepositoryOnH2Test {

    private final H2Database h2 = H2Database.migrated();
    private final PostmortemRepository repository = new PostmortemRepository(h2.jdbc(), JsonMapper.builder().build());

    @Test
    void shouldDraftOnceReviseAndApprove() {
        Incident incident = ReportFixtures.incident();
        Instant now = Instant.parse("2026-11-21T09:00:00Z");
        UUID id = UUID.randomUUID();

        boolean first = Boolean.TRUE.equals(h2.transactions().execute(s -> repository.insertDraft(id, incident, now)));
        boolean second = Boolean.TRUE.equals(
                h2.transactions().execute(s -> repository.insertDraft(UUID.randomUUID(), incident, now)));
        h2.transactions().executeWithoutResult(s -> {
            repository.find(id, true).orElseThrow();
            repository.updateAnalysis(id, ReportFixtures.analysis("lesson"), "analyst", now);
            repository.approve(id, "manager", now, incident);
        });

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        PostmortemRepository.Row row = repository.findByIncident(incident.id()).orElseThrow();
        assertThat(row.status()).isEqualTo(Postmortem.Status.APPROVED);
        assertThat(row.approvedFacts()).isEqualTo(incident);
        assertThat(row.analysis().lessonsLearned()).containsExactly("lesson");
        assertThat(row.analysis().actionItems()).extracting(Analysis.ActionItem::owner).containsExactly("bob");
        UUID item = row.analysis().actionItems().get(0).id();
        Boolean completed = h2.transactions().execute(s -> repository.completeActionItem(item, now));
        assertThat(completed).isTrue();
        assertThat(repository.list(Postmortem.Status.APPROVED)).hasSize(1);
    }
}
