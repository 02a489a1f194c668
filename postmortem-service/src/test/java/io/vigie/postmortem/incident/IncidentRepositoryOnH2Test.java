package io.vigie.postmortem.incident;

import io.vigie.postmortem.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack keeps the projection in H2: its SQL (upsert, row lock, JSON text) must run there too. */
class IncidentRepositoryOnH2Test {

    private final H2Database h2 = H2Database.migrated();
    private final IncidentRepository repository = new IncidentRepository(h2.jdbc(), JsonMapper.builder().build());

    @Test
    void shouldCreateLockUpdateAndReadAnIncidentWithItsTimeline() {
        UUID id = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-20T10:00:00Z");

        h2.transactions().executeWithoutResult(status -> {
            Incident created = repository.lock(id, t);
            repository.save(created.notified(new Incident.Notice(t, "client-a", true, false)), t);
            repository.append(UUID.randomUUID(), id, new TimelineEntry(t.plusSeconds(60), "NOTE", "bob", "later"));
            repository.append(UUID.randomUUID(), id, new TimelineEntry(t, "NOTICE_SENT", "svc", "first"));
        });
        h2.transactions().executeWithoutResult(status -> assertThat(repository.lock(id, t).firstNoticeAt()).isEqualTo(t));

        assertThat(repository.find(id)).hasValueSatisfying(i -> assertThat(i.affectedClients()).containsExactly("client-a"));
        assertThat(repository.timeline(id)).extracting(TimelineEntry::description).containsExactly("first", "later");
        assertThat(h2.jdbc().queryForObject("SELECT COUNT(*) FROM incident", Integer.class)).isEqualTo(1);
        assertThat(repository.find(UUID.randomUUID())).isEmpty();
        assertThat(List.of(repository.timeline(UUID.randomUUID()))).containsExactly(List.of());
    }
}
