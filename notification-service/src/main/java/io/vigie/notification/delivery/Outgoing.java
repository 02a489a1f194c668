package io.vigie.notification.delivery;

import io.vigie.notification.directory.Channel;
import io.vigie.notification.notice.Notice;
import io.vigie.notification.template.RenderedNotice;

import java.util.UUID;

/** One message for one channel: the rendered notice, where it goes, and the keys that make resending harmless. */
record Outgoing(UUID deliveryId, Notice notice, String contactId, String recipient, RenderedNotice rendered,
                String ackUrl, String webhookSecret) {

    /** The idempotency key a provider sees: the notice id, with the contact and channel it names one message. */
    String idempotencyKey(Channel channel) {
        return notice.id() + ":" + contactId + ":" + channel;
    }
}
