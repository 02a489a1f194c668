package io.vigie.notification.directory;

import io.vigie.notification.incident.Severity;

import java.time.ZoneId;
import java.util.List;

/**
 * A client of the SOC: who to tell ({@code contacts}), how ({@code reach}), from which severity up. Its contacts read
 * dates in {@code timeZone} unless they have their own; {@code contract} is what its notices may offer;
 * {@code reviewGate} when its notices wait for a communications user before they go out.
 */
public record Client(String id, String name, Severity minimumSeverity, Reach reach, Webhook webhook,
                     List<Contact> contacts, ZoneId timeZone, Contract contract, ReviewGate reviewGate) {

    /**
     * The client id under which the on-duty lead's alerts are recorded and published (see EscalationProperties):
     * reserved, no client of the directory may take it.
     */
    public static final String ON_DUTY = "soc-on-duty";

    public Client {
        contacts = List.copyOf(contacts);
        webhook = webhook == null ? Webhook.NONE : webhook;
        contract = contract == null ? Contract.NONE : contract;
        reviewGate = reviewGate == null ? ReviewGate.NONE : reviewGate;
    }

    /** A client with no time zone, contract, channels by severity or review gate of its own. */
    public Client(String id, String name, Severity minimumSeverity, List<Channel> channels, boolean outOfBand,
                  String webhookUrl, String webhookSecret, List<Contact> contacts) {
        this(id, name, minimumSeverity, new Reach(channels, outOfBand, null), new Webhook(webhookUrl, webhookSecret),
                contacts, null, null, null);
    }

    public Client withContacts(List<Contact> all) {
        return new Client(id, name, minimumSeverity, reach, webhook, all, timeZone, contract, reviewGate);
    }

    public Client withTimeZone(ZoneId zone) {
        return new Client(id, name, minimumSeverity, reach, webhook, contacts, zone, contract, reviewGate);
    }

    public Client withContract(Contract terms) {
        return new Client(id, name, minimumSeverity, reach, webhook, contacts, timeZone, terms, reviewGate);
    }

    public Client withChannelsBySeverity(ChannelsBySeverity together) {
        return new Client(id, name, minimumSeverity, new Reach(reach.channels(), reach.outOfBand(), together), webhook,
                contacts, timeZone, contract, reviewGate);
    }

    public Client withReviewGate(ReviewGate gate) {
        return new Client(id, name, minimumSeverity, reach, webhook, contacts, timeZone, contract, gate);
    }

    /**
     * How its contacts are reached: the channels in order of preference, whether its email must be avoided
     * altogether ({@code outOfBand}), and the channels used together at a severity (a contact may have its own).
     */
    public record Reach(List<Channel> channels, boolean outOfBand, ChannelsBySeverity channelsBySeverity) {

        public Reach {
            channels = List.copyOf(channels);
            channelsBySeverity = channelsBySeverity == null ? ChannelsBySeverity.NONE : channelsBySeverity;
        }
    }

    /** The client's ticketing system: where its webhook posts, and the secret that signs it. */
    public record Webhook(String url, String secret) {

        public static final Webhook NONE = new Webhook(null, null);
    }

    public boolean wantsToHearAbout(Severity severity) {
        return severity.atLeast(minimumSeverity);
    }

    /** The channels to use together for this contact at this severity: its own setting, else the client's. */
    public List<Channel> together(Contact contact, Severity severity) {
        List<Channel> own = contact.channelsBySeverity().at(severity);
        return own.isEmpty() ? reach.channelsBySeverity().at(severity) : own;
    }

    /** The zone a contact reads dates in: its own, else the client's, else {@code fallback}. */
    public ZoneId zoneOf(Contact contact, ZoneId fallback) {
        if (contact != null && contact.timeZone() != null) {
            return contact.timeZone();
        }
        return timeZone != null ? timeZone : fallback;
    }
}
