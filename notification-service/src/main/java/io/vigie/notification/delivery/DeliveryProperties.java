package io.vigie.notification.delivery;

import io.vigie.notification.conversation.InternalMailing;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How notices are sent.
 *
 * @param from           the From address of notice emails
 * @param pollInterval   how often the worker looks for due deliveries it was not woken for (retries, restarts)
 * @param batchSize      deliveries taken per round
 * @param concurrency    deliveries sent at the same time
 * @param maxAttempts    attempts on one channel, the first included, before the next channel of the contact
 * @param initialBackOff wait before the second attempt, doubled each time
 * @param maxBackOff     longest wait between attempts
 * @param lease          a delivery being sent is retried after this long without an outcome (the instance died)
 * @param smtpMaxIdle    an SMTP connection idle longer than this is closed rather than used again
 * @param smtpMaxMessages emails sent on one SMTP connection before it is closed (relays often limit it)
 */
@ConfigurationProperties("vigie.notification.delivery")
public record DeliveryProperties(
        @DefaultValue("Vigie SOC <soc@vigie.local>") String from,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("8") int concurrency,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("30s") Duration initialBackOff,
        @DefaultValue("15m") Duration maxBackOff,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("30s") Duration smtpMaxIdle,
        @DefaultValue("100") int smtpMaxMessages) implements InternalMailing {

    @Override
    public Duration backOff(int failedAttempts) {
        Duration wait = initialBackOff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackOff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
    }
}
