package io.vigie.notification.directory;

import io.vigie.notification.incident.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The clients and their contacts: who the service tells about incidents. */
@Repository
public class ClientDirectory {

    private static final JsonMapper CONTRACTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final JdbcTemplate jdbc;
    private final DirectoryEvents events;
    private final Clock clock;

    ClientDirectory(JdbcTemplate jdbc, DirectoryEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Client> find(String clientId) {
        List<Client> found = load("WHERE c.id = ?", clientId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<Client> all() {
        return load("");
    }

    /** Creates or replaces each client with its contacts, all or nothing, each published as ClientDirectoryChanged. */
    @Transactional
    public void saveAll(List<Client> clients) {
        clients.forEach(client -> {
            replace(client);
            events.saved(client);
        });
    }

    /** Removes the client, published as ClientDirectoryChanged REMOVED; false when there was none. */
    @Transactional
    public boolean delete(String clientId) {
        boolean deleted = jdbc.update("DELETE FROM client WHERE id = ?", clientId) == 1;
        if (deleted) {
            events.removed(clientId);
        }
        return deleted;
    }

    /**
     * Publishes the clients saved before the directory was published (their rows have no publication time), once:
     * each is taken by marking it, and a second instance starting at the same time waits on that row's lock, then
     * finds it marked. Returns how many this call published.
     */
    @Transactional
    public int publishUnpublished() {
        int published = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (String id : jdbc.queryForList("SELECT id FROM client WHERE directory_published_at IS NULL ORDER BY id",
                String.class)) {
            if (jdbc.update("UPDATE client SET directory_published_at = ? WHERE id = ? "
                    + "AND directory_published_at IS NULL", now, id) == 1) {
                find(id).ifPresent(events::saved);
                published++;
            }
        }
        return published;
    }

    private void replace(Client client) {
        Timestamp now = Timestamp.from(clock.instant());
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
