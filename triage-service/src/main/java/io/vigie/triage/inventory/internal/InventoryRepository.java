package io.vigie.triage.inventory.internal;

import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.document.Fingerprint;
import io.vigie.triage.inventory.Criticality;
import io.vigie.triage.inventory.InventoryItem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

@Repository
public class InventoryRepository {

    private static final RowMapper<InventoryItem> ROW = (rs, n) -> new InventoryItem(
            rs.getString("name"),
            InventoryItem.Kind.valueOf(rs.getString("kind")),
            Criticality.valueOf(rs.getString("criticality")),
            split(rs.getString("clients")),
            split(rs.getString("data_categories")).stream().map(DataCategory::valueOf).toList(),
            rs.getString("description"));

    private final JdbcTemplate jdbc;

    InventoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String fingerprint() {
        return jdbc.query(Fingerprint.query("inventory_item", "updated_at"),
                rs -> rs.next() ? Fingerprint.of(rs.getLong(1), rs.getTimestamp(2)) : "");
    }

    public List<InventoryItem> findAll() {
        return jdbc.query("SELECT * FROM inventory_item", ROW);
    }

    public void save(InventoryItem item, Instant now) {
        Object[] values = {item.kind().name(), item.criticality().name(), String.join(",", item.clients()),
                item.dataCategories().stream().map(Enum::name).collect(Collectors.joining(",")),
                item.description(), Timestamp.from(now), InventoryItem.key(item.name())};
        int updated = jdbc.update("UPDATE inventory_item SET kind = ?, criticality = ?, clients = ?, "
                + "data_categories = ?, description = ?, updated_at = ? WHERE name_key = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO inventory_item (kind, criticality, clients, data_categories, description, "
                    + "updated_at, name_key, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", append(values, item.name()));
        }
    }

    public boolean delete(String name) {
        return jdbc.update("DELETE FROM inventory_item WHERE name_key = ?", InventoryItem.key(name)) == 1;
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM inventory_item");
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(","));
    }
}
