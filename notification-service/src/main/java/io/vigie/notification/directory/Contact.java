package io.vigie.notification.directory;

import java.time.ZoneId;

/**
 * A person at a client who receives notices, in their language (one of {@code Languages.supported()}) and, when set,
 * their own time zone and channels by severity.
 */
public record Contact(String id, String name, String role, String email, String phone, String language,
                      ZoneId timeZone, ChannelsBySeverity channelsBySeverity) {

    public Contact {
        channelsBySeverity = channelsBySeverity == null ? ChannelsBySeverity.NONE : channelsBySeverity;
    }

    public Contact(String id, String name, String role, String email, String phone, String language) {
        this(id, name, role, email, phone, language, null, null);
    }

    public boolean reachableBy(Channel channel) {
        return switch (channel) {
            case EMAIL -> email != null && !email.isBlank();
            case SMS, PHONE -> phone != null && !phone.isBlank();
            case WEBHOOK -> false;
        };
    }

    public String address(Channel channel) {
        return channel == Channel.EMAIL ? email : phone;
    }
}
