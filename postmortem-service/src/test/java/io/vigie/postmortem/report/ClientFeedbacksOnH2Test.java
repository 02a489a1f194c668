package io.vigie.postmortem.report;

import io.vigie.postmortem.H2Database;
import io.vigie.postmortem.incident.ClientFeedback;
import io.vigie.postmortem.incident.Incident;
import io.vigie.postmortem.report.internal.ClientFeedbacks;
import io.vigie.postmortem.report.internal.PostmortemRepository;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Survey answers and the action items they open, on H2 in PostgreSQL mode, as the local stack runs them. */
class ClientFeedbacksOnH2Test {

    private final H2Database h2 = H2Database.migrated();
    private final PostmortemRepository repository = new PostmortemRepository(h2.jdbc(), JsonMapper.builder().build());
    private final ClientFeedbacks feedbacks = new ClientFeedbacks(h2.jdbc(),
            new ClientFeedbackProperties("comms-lead", Duration.ofDays(7)));

    @Test
    void shouldKeepOneAnswerPerContactAndOpenAnItemForAPoorOneOnlyOnceTheReportExists() {
        Incident incident = ReportFixtures.incident();
        Instant answered = Instant.parse("2026-12-03T09:30:00Z");
        ClientFeedback poor = new ClientFeedback(incident.id(), "client-a", "jm", "Jeanne Martin", "fr", 4, 2, true,
                null, answered);
        ClientFeedback good = new ClientFeedback(incident.id(), "client-b", "kv", "Katrin Vogel", "de", 5, 4, true,
                "Danke", answered.plusSeconds(60));

        // read before the report exists (a replay in another order): kept, its item waits for the draft
        h2.transactions().executeWithoutResult(s -> feedbacks.keep(poor));
        UUID id = UUID.randomUUID();
        h2.transactions().executeWithoutResult(s -> {
            repository.insertDraft(id, incident, answered);
            repository.updateAnalysis(id, ReportFixtures.analysis("lesson"), "analyst", answered);
            feedbacks.followUp(incident.id());
            feedbacks.keep(good);
            feedbacks.keep(new ClientFeedback(incident.id(), "client-a", "jm", "Jeanne Martin", "fr", 1, 1, false,
                    "again", answered.plusSeconds(120)));
            feedbacks.followUp(incident.id());
        });

        assertThat(feedbacks.of(incident.id())).containsExactly(poor, good);
        assertThat(repository.find(id, false).orElseThrow().analysis().actionItems()).satisfiesExactly(
                team -> assertThat(team.fromClientFeedback()).isFalse(),
                followUp -> {
                    assertThat(followUp.description()).isEqualTo("Follow up the survey answer of Jeanne Martin "
                            + "(client-a): communication rated 2/5 (poor). Call them back, answer what is still open "
                            + "and review how we communicated.");
                    assertThat(followUp.owner()).isEqualTo("comms-lead");
                    assertThat(followUp.dueDate()).isEqualTo(LocalDate.of(2026, 12, 10));
                    assertThat(followUp.kind()).isEqualTo(Analysis.ActionKind.OTHER);
                    assertThat(followUp.fromClientFeedback()).isTrue();
                });
    }
}
