package io.vigie.notification.notice.internal;

import io.vigie.events.Topics;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.incident.Severity;
import io.vigie.notification.notice.ClientNotifiedMapper;
import io.vigie.notification.notice.DeliveryOutcome;
import io.vigie.notification.notice.Notice;
import io.vigie.notification.notice.NoticeContent;
import io.vigie.notification.notice.NoticeHolds;
import io.vigie.notification.notice.Stage;
import io.vigie.platform.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates a notice and its deliveries, in the caller's transaction. The notice id is derived from (incident, client,
 * stage, sequence), and the table refuses a second row for them: a replayed or concurrent creation adds nothing.
 */
@Component
public class NoticeWriter {

    /** The contact id of the delivery to the client's ticketing system, which belongs to no one contact. */
    public static final String TICKETING = "ticketing";

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Clock clock;

    public NoticeWriter(JdbcTemplate jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    public static UUID noticeId(UUID incidentId, String clientId, Stage stage, int sequence) {
        return UUID.nameUUIDFromBytes(("notice|" + incidentId + "|" + clientId + "|" + stage + "|" + sequence)
                .getBytes(StandardCharsets.UTF_8));
    }

    public boolean exists(UUID incidentId, String clientId, Stage stage) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM notice "
                + "WHERE incident_id = ? AND client_id = ? AND stage = ?", Boolean.class, incidentId, clientId,
                stage.name()));
    }

    /**
     * What the client was last told about the incident (its latest notice), if anything. An ANSWER went to one contact
     * and says nothing of what changed, so the next UPDATE still counts from the notice before it.
     */
    public Optional<NoticeContent> lastTold(UUID incidentId, String clientId) {
        return jdbc.queryForList("SELECT content FROM notice WHERE incident_id = ? AND client_id = ? "
                        + "AND stage <> 'ANSWER' ORDER BY created_at DESC, sequence DESC LIMIT 1", String.class,
                        incidentId, clientId)
                .stream().findFirst().map(json -> Json.read(json, NoticeContent.class));
    }

    /** The next sequence of a stage that has one notice per event for a client (ANSWER): after its highest. */
    public int nextSequence(UUID incidentId, String clientId, Stage stage) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(sequence), 0) + 1 FROM notice WHERE incident_id = ? "
                + "AND client_id = ? AND stage = ?", Integer.class, incidentId, clientId, stage.name());
    }

    /** The clients told about the incident (they had its INITIAL notice), but those an analyst detached from it. */
    public List<String> clientsTold(UUID incidentId) {
        return jdbc.queryForList("SELECT n.client_id FROM notice n WHERE n.incident_id = ? AND n.stage = 'INITIAL' "
                + "AND NOT EXISTS (SELECT 1 FROM incident_client c WHERE c.incident_id = n.incident_id "
                + "AND c.client_id = n.client_id AND c.detached_at IS NOT NULL) ORDER BY n.client_id", String.class,
                incidentId);
    }

    /**
     * Writes the notice and one delivery per contact and channel; returns false when this notice already existed or
     * says nothing to any contact. An UPDATE goes only to the contacts it says something to in their language (an
     * analyst's text written in French only is no news to an English contact). Out of band, the client's email (and
     * its ticketing system, which may share the compromised identity) are left out and each contact is reached on SMS
     * or phone. When the client's review gate matches the notice, its deliveries are HELD until a communications user
     * approves it or the hold expires ({@link NoticeHolds}); each held delivery is published as ClientNotified HELD.
     * A FOLLOW_UP goes to the contacts who followed the incident ({@link #followedIt}). An ANSWER goes to the one
     * contact who asked, not to the ticketing system, and is never held: a person wrote it. It names the message it
     * answers, which the table accepts once.
     */
    public boolean create(Client client, UUID incidentId, Stage stage, int sequence, NoticeContent content,
                          boolean emailMayBeCompromised) {
        List<Contact> readers = switch (stage) {
            case UPDATE -> client.contacts().stream()
                    .filter(contact -> content.saysSomethingIn(contact.language())).toList();
            case ANSWER -> client.contacts().stream()
                    .filter(contact -> contact.id().equals(content.answer().contactId())).toList();
            case FOLLOW_UP -> followedIt(client, incidentId, client.contacts());
            default -> client.contacts();
        };
        if (readers.isEmpty()) {
            return false;
        }
        boolean outOfBand = emailMayBeCompromised || client.reach().outOfBand();
        UUID id = noticeId(incidentId, client.id(), stage, sequence);
        Instant now = clock.instant();
        boolean answer = stage == Stage.ANSWER;
        Instant heldUntil = answer ? null : client.reviewGate()
                .holdFor(content.facts().severity(), content.facts().category()).map(now::plus).orElse(null);
        int inserted = jdbc.update("INSERT INTO notice (id, incident_id, client_id, stage, sequence, category, "
                        + "severity, out_of_band, content, created_at, held_until, answers_message_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                id, incidentId, client.id(), stage.name(), sequence, content.facts().category().name(),
                content.facts().severity().name(), outOfBand, Json.write(content), Timestamp.from(now),
                heldUntil == null ? null : Timestamp.from(heldUntil), answer ? content.answer().messageId() : null);
        if (inserted == 0) {
            return false;
        }
        for (Contact contact : readers) {
            // The channels used together at this severity are all due now; the rest of the chain waits as fallback.
            List<Channel> together = together(client, contact, content.facts().severity(), outOfBand);
            List<Channel> order = new ArrayList<>(together);
            chain(client, contact, outOfBand).stream().filter(channel -> !order.contains(channel)).forEach(order::add);
            if (order.isEmpty()) {
                // Visible rather than silent: with no address the delivery fails at once, ClientNotified FAILED says why.
                insertDelivery(id, contact.id(), contact.name(), outOfBand ? Channel.SMS : Channel.EMAIL, 0, "",
                        contact.language(), "PENDING", now);
                continue;
            }
            int due = Math.max(1, together.size());
            for (int position = 0; position < order.size(); position++) {
                Channel channel = order.get(position);
                insertDelivery(id, contact.id(), contact.name(), channel, position, contact.address(channel),
                        contact.language(), position < due ? "PENDING" : "WAITING", now);
            }
        }
        if (!outOfBand && !answer && client.reach().channels().contains(Channel.WEBHOOK)
                && client.webhook().url() != null) {
            String language = readers.get(0).language();
            insertDelivery(id, TICKETING, client.name(), Channel.WEBHOOK, 0, client.webhook().url(), language,
                    "PENDING", now);
        }
        if (heldUntil != null) {
            hold(new Notice(id, incidentId, client.id(), stage, sequence, outOfBand, content, now, heldUntil), now);
        }
        return true;
    }

    /**
     * The FOLLOW_UP and its survey go to every contact who received notices about the incident (a delivery of one of
     * its notices, whatever the channel), not to a contact added to the directory since, who would be asked about an
     * incident they never heard of. When this service sent the client nothing (an incident it never saw classified),
     * all its contacts.
     */
    private List<Contact> followedIt(Client client, UUID incidentId, List<Contact> contacts) {
        List<String> told = jdbc.queryForList("SELECT DISTINCT d.contact_id FROM delivery d JOIN notice n "
                + "ON n.id = d.notice_id WHERE n.incident_id = ? AND n.client_id = ?", String.class, incidentId,
                client.id());
        return told.isEmpty() ? contacts : contacts.stream().filter(contact -> told.contains(contact.id())).toList();
    }

    /** The deliveries due now wait for the review instead; each is published as held, with the time it goes out. */
    private void hold(Notice notice, Instant now) {
        jdbc.update("UPDATE delivery SET state = 'HELD', next_attempt_at = NULL WHERE notice_id = ? "
                + "AND state = 'PENDING'", notice.id());
        jdbc.query("SELECT contact_id, channel, recipient, language FROM delivery WHERE notice_id = ? "
                + "AND state = 'HELD' ORDER BY contact_id, position", rs -> {
            outbox.append(Topics.CLIENT_NOTIFIED, notice.incidentId().toString(), ClientNotifiedMapper.toEvent(
                    DeliveryOutcome.held(notice, new DeliveryOutcome.Recipient(rs.getString("contact_id"),
                            Channel.valueOf(rs.getString("channel")), rs.getString("recipient")),
                            rs.getString("language"), now)));
        }, notice.id());
    }

    /**
     * The channels to reach this contact on at once at this severity (the contact's setting, else the client's), those
     * that can reach it; out of band, SMS and phone only.
     */
    public static List<Channel> together(Client client, Contact contact, Severity severity, boolean outOfBand) {
        return client.together(contact, severity).stream()
                .filter(channel -> channel != Channel.WEBHOOK && (!outOfBand || channel.outOfBand())
                        && contact.reachableBy(channel))
                .toList();
    }

    /** The contact's channels in the client's order of preference, keeping those that can reach this contact. */
    public static List<Channel> chain(Client client, Contact contact, boolean outOfBand) {
        List<Channel> chain = new ArrayList<>();
        for (Channel channel : client.reach().channels()) {
            if (channel != Channel.WEBHOOK && (!outOfBand || channel.outOfBand()) && contact.reachableBy(channel)) {
                chain.add(channel);
            }
        }
        if (outOfBand && chain.isEmpty() && contact.reachableBy(Channel.SMS)) {
            chain.add(Channel.SMS);
        }
        return chain;
    }

    private void insertDelivery(UUID noticeId, String contactId, String contactName, Channel channel, int position,
                                String recipient, String language, String state, Instant now) {
        UUID id = UUID.nameUUIDFromBytes(("delivery|" + noticeId + "|" + contactId + "|" + channel)
                .getBytes(StandardCharsets.UTF_8));
        jdbc.update("INSERT INTO delivery (id, notice_id, contact_id, contact_name, channel, position, recipient, "
                        + "language, state, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                id, noticeId, contactId, contactName, channel.name(), position, recipient, language, state,
                "WAITING".equals(state) ? null : Timestamp.from(now));
    }
}
