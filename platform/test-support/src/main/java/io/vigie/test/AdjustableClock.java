package io.vigie.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The wall clock plus an offset a test moves forward, to see what a service does hours later (schedules, SLA clocks,
 * link expiry) without waiting. Register it as the service's {@code Clock} bean in the test's configuration.
 */
public final class AdjustableClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public AdjustableClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private AdjustableClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock seen from another zone: advancing either moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(offset, zone);
    }
}
