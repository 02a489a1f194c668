package io.vigie.notification.delivery;

import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.RecipientMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SMS provider of local runs and tests: keeps the last messages in memory with when they came, logs them masked,
 * and drops a message whose idempotency key it has already seen, as a real provider would. The local stack's mailbox
 * page lists them ({@link #log()}), so every channel of a notice can be seen.
 */
@Component
@ConditionalOnProperty(name = "vigie.notification.sms.provider", havingValue = "local", matchIfMissing = true)
public class LocalSmsSink implements SmsProvider {

    private static final Logger log = LoggerFactory.getLogger(LocalSmsSink.class);
    private static final int KEPT = 1000;

    /** One message as the sink took it. */
    public record Received(Instant at, SmsMessage message) {
    }

    private final List<Received> received = new ArrayList<>();
    private final Clock clock;

    LocalSmsSink(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void send(SmsMessage message) {
        if (received.stream().anyMatch(r -> r.message().idempotencyKey().equals(message.idempotencyKey()))) {
            return;
        }
        if (received.size() == KEPT) {
            received.remove(0);
        }
        received.add(new Received(clock.instant(), message));
        log.info("{} to {}: {}", message.voice() ? "Voice call" : "SMS",
                RecipientMask.mask(Channel.SMS, message.to()), message.text());
    }

    public synchronized List<SmsMessage> received() {
        return received.stream().map(Received::message).toList();
    }

    /** The messages with when they came, oldest first. */
    public synchronized List<Received> log() {
        return List.copyOf(received);
    }
}
