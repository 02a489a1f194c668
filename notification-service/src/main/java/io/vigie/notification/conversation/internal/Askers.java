package io.vigie.notification.conversation.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/**
 * Who a question link was made for, as the notice reached them: the incident and client of the notice, the contact's
 * name and language and the subject they read, and the channel that reached them (the answer takes the same way).
 */
@Repository
public class Askers {

    public record Asker(UUID noticeId, UUID incidentId, String clientId, String contactId, String contactName,
                        String language, String subject, String channel) {
    }

    private final JdbcTemplate jdbc;

    public Askers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Asker> find(UUID noticeId, String contactId) {
        return jdbc.query("SELECT n.incident_id, n.client_id, d.contact_name, d.language, d.subject, d.channel "
                        + "FROM notice n JOIN delivery d ON d.notice_id = n.id WHERE n.id = ? AND d.contact_id = ? "
                        + "ORDER BY CASE WHEN d.state = 'SENT' THEN 0 ELSE 1 END, d.position LIMIT 1",
                (rs, n) -> new Asker(noticeId, rs.getObject("incident_id", UUID.class), rs.getString("client_id"),
                        contactId, rs.getString("contact_name"), rs.getString("language"), rs.getString("subject"),
                        rs.getString("channel")), noticeId, contactId).stream().findFirst();
    }
}
