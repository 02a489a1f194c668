package io.vigie.notification.directory;

import io.vigie.notification.notice.Severity;

import java.time.ZoneId;
import java.util.List;

/**
 * A client of the SOC: who to tell, how (channels in order of preference), from which severity up, and whether its
 * email must be avoided altogether ({@code outOfBand}). The webhook is the client's ticketing system. Its contacts
 * read dates in {@code timeZone} unless they have their own; {@code contract} is what its notices may offer;
 * {@code channelsBySeverity} the channels its contacts are reached on together at a severity (a contact may have its
 * own); {@code reviewGate} when its notices wait for a communications user before they go out.
 */
public record Client(String id, String name, Severity minimumSeverity, List<Channel> channels, boolean outOfBand,
                     String webhookUrl, String webhookSecret, List<Contact> contacts, ZoneId timeZone,
                     Contract contract, ChannelsBySeverity channelsBySeverity, ReviewGate reviewGate) {

    public Client {
        channels = List.copyOf(channels);
        contacts = List.copyOf(contacts);
        contract = contract == null ? Contract.NONE : contract;
        channelsBySeverity = channelsBySeverity == null ? ChannelsBySeverity.NONE : channelsBySeverity;
        reviewGate = reviewGate == null ? ReviewGate.NONE : reviewGate;
    }

    public Client(String id, String name, Severity minimumSeverity, List<Channel> channels, boolean outOfBand,
                  String webhookUrl, String webhookSecret, List<Contact> contacts) {
        this(id, name, minimumSeverity, channels, outOfBand, webhookUrl, webhookSecret, contacts, null, null, null, null);
    }

    public boolean wantsToHearAbout(Severity severity) {
        return severity.atLeast(minimumSeverity);
    }

    /** The channels to use together for this contact at this severity: its own setting, else the client's. */
    public List<Channel> together(Contact contact, Severity severity) {
        List<Channel> own = contact.channelsBySeverity().at(severity);
        return own.isEmpty() ? channelsBySeverity.at(severity) : own;
    }

    /** The zone a contact reads dates in: its own, else the client's, else {@code fallback}. */
    public ZoneId zoneOf(Contact contact, ZoneId fallback) {
        if (contact != null && contact.timeZone() != null) {
            return contact.timeZone();
        }
        return timeZone != null ? timeZone : fallback;
    }
}
