package io.vigie.regulatory.obligation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code vigie.regulatory.due-soon.*}: when a report counts as due soon. Not a legal rule but the SOC's: early
 * enough for a manager to act, without warning at the start of a short window.
 *
 * @param atMost   warn at most this long before the deadline
 * @param fraction or within this fraction of the stage's window, whichever is shorter
 */
@ConfigurationProperties("vigie.regulatory.due-soon")
public record DueSoon(@DefaultValue("3h") Duration atMost, @DefaultValue("0.25") double fraction) {

    public Duration warningBefore(Instant clockStart, Instant dueAt) {
        Duration share = Duration.ofMillis((long) (Duration.between(clockStart, dueAt).toMillis() * fraction));
        return share.compareTo(atMost) < 0 ? share : atMost;
    }

    public boolean isDueSoon(Instant clockStart, Instant dueAt, Instant now) {
        return !now.isBefore(dueAt.minus(warningBefore(clockStart, dueAt)));
    }
}
