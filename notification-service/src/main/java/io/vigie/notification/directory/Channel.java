package io.vigie.notification.directory;

/** A way to reach a client. EMAIL is in band; SMS and PHONE are out of band (used when email may be compromised). */
public enum Channel {
    EMAIL, SMS, WEBHOOK, PHONE;

    public boolean outOfBand() {
        return this == SMS || this == PHONE;
    }
}
