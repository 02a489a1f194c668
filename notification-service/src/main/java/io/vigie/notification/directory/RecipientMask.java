package io.vigie.notification.directory;

import io.vigie.notification.directory.Channel;

import java.net.URI;

/** Addresses as events and logs show them: enough to tell contacts apart, not enough to harvest them. */
public final class RecipientMask {

    private RecipientMask() {
    }

    public static String mask(Channel channel, String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return "(none)";
        }
        return switch (channel) {
            case EMAIL -> email(recipient);
            case SMS, PHONE -> phone(recipient);
            case WEBHOOK -> host(recipient);
        };
    }

    private static String email(String address) {
        int at = address.indexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    private static String phone(String number) {
        String digits = number.replaceAll("[^0-9+]", "");
        if (digits.length() <= 4) {
            return "***";
        }
        String prefix = digits.startsWith("+") ? digits.substring(0, Math.min(3, digits.length())) : "";
        return prefix + "*".repeat(Math.max(0, digits.length() - prefix.length() - 2))
                + digits.substring(digits.length() - 2);
    }

    private static String host(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? "***" : uri.getScheme() + "://" + uri.getHost() + "/***";
        } catch (IllegalArgumentException e) {
            return "***";
        }
    }
}
