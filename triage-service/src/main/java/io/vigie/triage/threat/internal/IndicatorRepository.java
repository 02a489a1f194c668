package io.vigie.triage.threat.internal;

import io.vigie.triage.alert.Indicator;
import io.vigie.triage.alert.IndicatorType;
import io.vigie.triage.document.Fingerprint;
import io.vigie.triage.threat.KnownIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

@Repository
public class IndicatorRepository {

    private final JdbcTemplate jdbc;

    IndicatorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String fingerprint() {
        return jdbc.query(Fingerprint.query("known_indicator", "updated_at"),
                rs -> rs.next() ? Fingerprint.of(rs.getLong(1), rs.getTimestamp(2)) : "");
    }

    public void findAll(Consumer<KnownIndicator> each) {
        jdbc.query("SELECT indicator_type, indicator_value, description FROM known_indicator", rs -> {
            each.accept(new KnownIndicator(new Indicator(IndicatorType.valueOf(rs.getString(1)), rs.getString(2)),
                    rs.getString(3)));
        });
    }

    public void saveAll(List<KnownIndicator> indicators, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Object[]> existing = indicators.stream()
                .map(known -> new Object[]{known.description(), at, known.indicator().type().name(),
                        known.indicator().value()})
                .toList();
        int[][] updated = jdbc.batchUpdate("UPDATE known_indicator SET description = ?, updated_at = ? "
                + "WHERE indicator_type = ? AND indicator_value = ?", existing, 1000, (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
        List<Object[]> inserts = new java.util.ArrayList<>();
        int index = 0;
        for (int[] batch : updated) {
            for (int count : batch) {
                if (count == 0) {
                    inserts.add(existing.get(index));
                }
                index++;
            }
        }
        jdbc.batchUpdate("INSERT INTO known_indicator (description, updated_at, indicator_type, indicator_value) "
                + "VALUES (?, ?, ?, ?)", inserts);
    }

    public boolean delete(Indicator indicator) {
        return jdbc.update("DELETE FROM known_indicator WHERE indicator_type = ? AND indicator_value = ?",
                indicator.type().name(), indicator.value()) == 1;
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM known_indicator");
    }
}
