package io.vigie.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code vigie.outbox.*}.
 *
 * @param pollInterval how often the relay looks for events nobody woke it for (committed before a crash)
 * @param batchSize    events sent per round and transaction
 * @param sendTimeout  how long a round waits for the broker's acknowledgements before it is rolled back and retried
 * @param maxBackOff   longest wait between two failed rounds
 */
@ConfigurationProperties("vigie.outbox")
public record OutboxProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("200") int batchSize,
                               @DefaultValue("15s") Duration sendTimeout, @DefaultValue("30s") Duration maxBackOff) {
}
