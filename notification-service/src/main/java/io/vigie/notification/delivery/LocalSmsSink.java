package io.vigie.notification.delivery;

import io.vigie.notification.directory.Channel;
import io.vigie.notification.notice.RecipientMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The SMS provider of local runs and tests: keeps the last messages in memory, logs them masked, and drops a message
 * whose idempotency key it has already seen, as a real provider would.
 */
@Component
@ConditionalOnProperty(name = "vigie.notification.sms.provider", havingValue = "local", matchIfMissing = true)
public class LocalSmsSink implements SmsProvider {

    private static final Logger log = LoggerFactory.getLogger(LocalSmsSink.class);
    private static final int KEPT = 1000;

    private final List<SmsMessage> received = new ArrayList<>();

    @Override
    public synchronized void send(SmsMessage message) {
        if (received.stream().anyMatch(m -> m.idempotencyKey().equals(message.idempotencyKey()))) {
            return;
        }
        if (received.size() == KEPT) {
            received.remove(0);
        }
        received.add(message);
        log.info("{} to {}: {}", message.voice() ? "Voice call" : "SMS",
                RecipientMask.mask(Channel.SMS, message.to()), message.text());
    }

    public synchronized List<SmsMessage> received() {
        return List.copyOf(received);
    }
}
