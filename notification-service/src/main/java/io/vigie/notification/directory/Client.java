package io.vigie.notification.directory;

import io.vigie.notification.notice.Severity;

import java.util.List;

/**
 * A client of the SOC: who to tell, how (channels in order of preference), from which severity up, and whether its
 * email must be avoided altogether ({@code outOfBand}). The webhook is the client's ticketing system.
 */
public record Client(String id, String name, Severity minimumSeverity, List<Channel> channels, boolean outOfBand,
                     String webhookUrl, String webhookSecret, List<Contact> contacts) {

    public Client {
        channels = List.copyOf(channels);
        contacts = List.copyOf(contacts);
    }

    public boolean wantsToHearAbout(Severity severity) {
        return severity.atLeast(minimumSeverity);
    }
}
