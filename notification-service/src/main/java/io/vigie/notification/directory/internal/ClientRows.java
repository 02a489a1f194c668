package io.vigie.notification.directory.internal;

import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.ChannelsBySeverity;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.directory.Contract;
import io.vigie.notification.directory.ReviewGate;
import io.vigie.notification.incident.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The rows of {@code client} and {@code contact}, for {@code ClientDirectory}, in its transactions. */
@Repository
public class ClientRows {

    private static final JsonMapper CONTRACTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final JdbcTemplate jdbc;

    ClientRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Client> one(String clientId) {
        return load("WHERE c.id = ?", clientId);
    }

    public List<Client> all() {
        return load("");
    }

    public boolean delete(String clientId) {
        return jdbc.update("DELETE FROM client WHERE id = ?", clientId) == 1;
    }

    /** The clients whose latest state was not published yet. */
    public List<String> unpublished() {
        return jdbc.queryForList("SELECT id FROM client WHERE directory_published_at IS NULL ORDER BY id",
                String.class);
    }

    /** Marks the client published; false when another caller marked it first. */
    public boolean markPublished(String clientId, Instant at) {
        return jdbc.update("UPDATE client SET directory_published_at = ? WHERE id = ? "
                + "AND directory_published_at IS NULL", Timestamp.from(at), clientId) == 1;
    }

    /** Creates or replaces the client and its contacts, marked published at {@code at}. */
    public void replace(Client client, Instant at) {
        Timestamp now = Timestamp.from(at);
        String channels = client.reach().channels().stream().map(Enum::name).collect(Collectors.joining(","));
        String zone = client.timeZone() == null ? null : client.timeZone().getId();
        String contract = CONTRACTS.writeValueAsString(client.contract());
        String together = channels(client.reach().channelsBySeverity());
        String gate = client.reviewGate().isEmpty() ? null : CONTRACTS.writeValueAsString(client.reviewGate());
        int updated = jdbc.update("UPDATE client SET name = ?, minimum_severity = ?, channels = ?, out_of_band = ?, "
                        + "webhook_url = ?, webhook_secret = ?, time_zone = ?, contract = ?, channels_by_severity = ?, "
                        + "review_gate = ?, updated_at = ?, directory_published_at = ? WHERE id = ?",
                client.name(), client.minimumSeverity().name(), channels, client.reach().outOfBand(),
                client.webhook().url(), client.webhook().secret(), zone, contract, together, gate, now, now, client.id());
        if (updated == 0) {
            jdbc.update("INSERT INTO client (id, name, minimum_severity, channels, out_of_band, webhook_url, "
                            + "webhook_secret, time_zone, contract, channels_by_severity, review_gate, updated_at, "
                            + "directory_published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    client.id(), client.name(), client.minimumSeverity().name(), channels, client.reach().outOfBand(),
                    client.webhook().url(), client.webhook().secret(), zone, contract, together, gate, now, now);
        }
        jdbc.update("DELETE FROM contact WHERE client_id = ?", client.id());
        int position = 0;
        for (Contact contact : client.contacts()) {
            jdbc.update("INSERT INTO contact (client_id, id, position, name, role, email, phone, language, "
                            + "time_zone, channels_by_severity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    client.id(), contact.id(), position++, contact.name(), contact.role(), contact.email(),
                    contact.phone(), contact.language(),
                    contact.timeZone() == null ? null : contact.timeZone().getId(),
                    channels(contact.channelsBySeverity()));
        }
    }

    private List<Client> load(String where, Object... args) {
        Map<String, Client> rows = new LinkedHashMap<>();
        jdbc.query("SELECT c.id, c.name, c.minimum_severity, c.channels, c.out_of_band, c.webhook_url, "
                + "c.webhook_secret, c.time_zone, c.contract, c.channels_by_severity, c.review_gate FROM client c " + where + " ORDER BY c.id", rs -> {
            rows.put(rs.getString("id"), client(rs));
        }, args);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Contact>> contacts = new LinkedHashMap<>();
        jdbc.query("SELECT client_id, id, name, role, email, phone, language, time_zone, channels_by_severity "
                + "FROM contact "
                + (where.isEmpty() ? "" : "WHERE client_id = ? ") + "ORDER BY client_id, position", rs -> {
            contacts.computeIfAbsent(rs.getString("client_id"), id -> new ArrayList<>()).add(new Contact(
                    rs.getString("id"), rs.getString("name"), rs.getString("role"), rs.getString("email"),
                    rs.getString("phone"), rs.getString("language"), zone(rs.getString("time_zone")),
                    channels(rs.getString("channels_by_severity"))));
        }, args);
        return rows.values().stream()
                .map(client -> client.withContacts(contacts.getOrDefault(client.id(), List.of())))
                .toList();
    }

    /** A client's row, its contacts still to add. */
    private static Client client(ResultSet rs) throws SQLException {
        List<Channel> channels = Arrays.stream(rs.getString("channels").split(","))
                .filter(name -> !name.isBlank()).map(Channel::valueOf).toList();
        return new Client(rs.getString("id"), rs.getString("name"),
                Severity.valueOf(rs.getString("minimum_severity")),
                new Client.Reach(channels, rs.getBoolean("out_of_band"),
                        channels(rs.getString("channels_by_severity"))),
                new Client.Webhook(rs.getString("webhook_url"), rs.getString("webhook_secret")), List.of(),
                zone(rs.getString("time_zone")),
                rs.getString("contract") == null ? Contract.NONE
                        : CONTRACTS.readValue(rs.getString("contract"), Contract.class),
                rs.getString("review_gate") == null ? ReviewGate.NONE
                        : CONTRACTS.readValue(rs.getString("review_gate"), ReviewGate.class));
    }

    private static String channels(ChannelsBySeverity together) {
        return together.isEmpty() ? null : CONTRACTS.writeValueAsString(together);
    }

    private static ChannelsBySeverity channels(String json) {
        return json == null ? ChannelsBySeverity.NONE : CONTRACTS.readValue(json, ChannelsBySeverity.class);
    }

    private static ZoneId zone(String id) {
        return id == null ? null : ZoneId.of(id);
    }
}
