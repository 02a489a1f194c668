package io.vigie.notification.delivery;

import io.vigie.notification.directory.Channel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SMS and phone calls, both through the {@link SmsProvider}. A text message carries the subject, one short sentence in
 * the contact's language (what changed, or what the incident is) and the acknowledgement link: enough to act on out of
 * band, short enough for a phone.
 */
@Configuration(proxyBeanMethods = false)
class TextMessageSenders {

    private static final int CONTEXT_LIMIT = 280;

    @Bean
    ChannelSender smsSender(SmsProvider provider) {
        return new Sender(Channel.SMS, provider);
    }

    @Bean
    ChannelSender phoneSender(SmsProvider provider) {
        return new Sender(Channel.PHONE, provider);
    }

    static String text(Outgoing message) {
        String context = message.rendered().brief();
        StringBuilder text = new StringBuilder(message.rendered().subject());
        if (context != null && !context.isBlank()) {
            text.append("\n").append(context.length() > CONTEXT_LIMIT
                    ? context.substring(0, CONTEXT_LIMIT - 1) + "…" : context);
        }
        return text.append("\n").append(message.ackUrl()).toString();
    }

    private record Sender(Channel channel, SmsProvider provider) implements ChannelSender {
        @Override
        public void send(Outgoing message) throws DeliveryException {
            try {
                provider.send(new SmsMessage(message.recipient(), text(message), message.idempotencyKey(channel),
                        channel == Channel.PHONE));
            } catch (SmsProvider.SmsRejectedException e) {
                throw DeliveryException.permanent(e.getMessage());
            } catch (RuntimeException e) {
                throw DeliveryException.transientFailure(e.getMessage(), e);
            }
        }
    }
}
