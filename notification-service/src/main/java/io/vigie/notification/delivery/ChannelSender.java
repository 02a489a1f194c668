package io.vigie.notification.delivery;

import io.vigie.notification.directory.Channel;

/** Sends one message over one channel; never called inside a database transaction. */
interface ChannelSender {

    Channel channel();

    void send(Outgoing message) throws DeliveryException;
}
