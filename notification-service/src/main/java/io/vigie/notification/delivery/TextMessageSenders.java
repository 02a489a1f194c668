package io.vigie.notification.delivery;

import io.vigie.notification.directory.Channel;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.survey.SurveyLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SMS and phone calls, both through the {@link SmsProvider}. A text message carries the subject, one short sentence in
 * the contact's language (what changed, or what the incident is) and the acknowledgement link: enough to act on out of
 * band, short enough for a phone. A FOLLOW_UP carries the contact's survey link instead, so a contact reached out of
 * band is asked for their feedback too.
 */
@Configuration(proxyBeanMethods = false)
class TextMessageSenders {

    private static final int CONTEXT_LIMIT = 280;

    @Bean
    ChannelSender smsSender(SmsProvider provider, SurveyLinks surveys) {
        return new Sender(Channel.SMS, provider, surveys);
    }

    @Bean
    ChannelSender phoneSender(SmsProvider provider, SurveyLinks surveys) {
        return new Sender(Channel.PHONE, provider, surveys);
    }

    static String text(Outgoing message, String link) {
        String context = message.rendered().brief();
        StringBuilder text = new StringBuilder(message.rendered().subject());
        if (context != null && !context.isBlank()) {
            text.append("\n").append(context.length() > CONTEXT_LIMIT
                    ? context.substring(0, CONTEXT_LIMIT - 1) + "…" : context);
        }
        return text.append("\n").append(link).toString();
    }

    private record Sender(Channel channel, SmsProvider provider, SurveyLinks surveys) implements ChannelSender {
        @Override
        public void send(Outgoing message) throws DeliveryException {
            String link = message.notice().stage() == Stage.FOLLOW_UP
                    ? surveys.url(message.notice().id(), message.contactId()) : message.ackUrl();
            try {
                provider.send(new SmsMessage(message.recipient(), text(message, link),
                        message.idempotencyKey(channel), channel == Channel.PHONE));
            } catch (SmsProvider.SmsRejectedException e) {
                throw DeliveryException.permanent(e.getMessage());
            } catch (RuntimeException e) {
                throw DeliveryException.transientFailure(e.getMessage(), e);
            }
        }
    }
}
