package io.vigie.localstack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The mailbox's messages in the order it received them, each with an id that never changes. GreenMail lists its
 * messages mailbox by mailbox, so a message's position in that list moves whenever mail arrives for a mailbox listed
 * before its own (a notice to one contact, then one to another, then a second to the first): the mailbox page and its
 * API number messages with these ids instead.
 */
final class ArrivedMessages {

    /** A message and its id: 1 for the first the mailbox received, then one more for each next. */
    record Arrived(long id, MimeMessage message) {
    }

    private final GreenMail mailbox;
    // By identity: GreenMail keeps one MimeMessage per stored copy, and two copies may carry the same Message-ID.
    private final Map<MimeMessage, Arrived> known = new IdentityHashMap<>();
    private final List<Arrived> inOrder = new ArrayList<>();
    private long lastId;

    ArrivedMessages(GreenMail mailbox) {
        this.mailbox = mailbox;
    }

    /** Every message the mailbox holds, oldest first. */
    synchronized List<Arrived> all() {
        MimeMessage[] stored = mailbox.getReceivedMessages();
        Set<MimeMessage> present = Collections.newSetFromMap(new IdentityHashMap<>(stored.length));
        List<MimeMessage> unseen = new ArrayList<>();
        for (MimeMessage message : stored) {
            present.add(message);
            if (!known.containsKey(message)) {
                unseen.add(message);
            }
        }
        if (known.size() + unseen.size() > present.size()) {
            // Expunged over IMAP: gone from the mailbox, so gone from here; the others keep their ids.
            inOrder.removeIf(arrived -> !present.contains(arrived.message()));
            known.keySet().retainAll(present);
        }
        // Those that arrived since the last look, in the order the mailbox took them (stable: a mailbox's own list is
        // already in arrival order, which decides between two taken in the same millisecond).
        unseen.sort(Comparator.comparingLong(ArrivedMessages::receivedAt));
        for (MimeMessage message : unseen) {
            Arrived arrived = new Arrived(++lastId, message);
            known.put(message, arrived);
            inOrder.add(arrived);
        }
        return List.copyOf(inOrder);
    }

    Optional<Arrived> byId(long id) {
        return all().stream().filter(arrived -> arrived.id() == id).findFirst();
    }

    private static long receivedAt(MimeMessage message) {
        try {
            Date date = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
            return date == null ? Long.MAX_VALUE : date.getTime();
        } catch (MessagingException e) {
            return Long.MAX_VALUE;
        }
    }
}
