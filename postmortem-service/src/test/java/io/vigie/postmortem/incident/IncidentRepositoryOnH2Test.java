package io.vigie.postmortem.incident;

import io.vigie.postmortem.H2Database;
import io.vigie.postmortem.incident.internal.IncidentRepository;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack keeps the projection in H2: its SQL (upsert, row lock, JSON text) must run there too. */
class IncidentRepositoryOnH2Test {

    private final H2Database h2 = H2Database.migrated();
    private final IncidentRepository repository = new IncidentRepository(h2.jdbc(), JsonMapper.builder().build());

    @Test
    void shouldCreateLockUpdateAndReadIncidentsWithTheirTimelines() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-20T10:00:00Z");

        h2.transactions().executeWithoutResult(status -> {
            Map<UUID, Incident> created = repository.lockAll(List.of(other, id, other), t);
            assertThat(created).containsOnlyKeys(id, other);
            repository.saveAll(List.of(created.get(id).notified(new Incident.Notice(t, "client-a", true, false)),
                    created.get(other)), t);
            repository.appendAll(List.of(
                    change(id, new TimelineEntry(t.plusSeconds(60), "NOTE", "bob", "later")),
                    change(id, new TimelineEntry(t, "NOTICE_SENT", "svc", "first")),
                    change(other, new TimelineEntry(t, "NOTE", "bob", "other"))));
        });
        h2.transactions().executeWithoutResult(status -> assertThat(repository.lockAll(List.of(id), t).get(id)
                .firstNoticeAt()).isEqualTo(t));

        assertThat(repository.find(id)).hasValueSatisfying(i -> assertThat(i.affectedClients()).containsExactly("client-a"));
        assertThat(repository.timeline(id)).extracting(TimelineEntry::description).containsExactly("first", "later");
        assertThat(repository.timeline(other)).extracting(TimelineEntry::description).containsExactly("other");
        assertThat(h2.jdbc().queryForObject("SELECT COUNT(*) FROM incident", Integer.class)).isEqualTo(2);
        assertThat(repository.find(UUID.randomUUID())).isEmpty();
        assertThat(List.of(repository.timeline(UUID.randomUUID()))).containsExactly(List.of());
    }

    private static IncidentRepository.NewEntry change(UUID incidentId, TimelineEntry entry) {
        return new IncidentRepository.NewEntry(UUID.randomUUID(), incidentId, entry);
    }
}
