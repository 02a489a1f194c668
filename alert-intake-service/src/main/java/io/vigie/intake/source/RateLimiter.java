package io.vigie.intake.source;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. One per source, so a flooding source
 * is slowed down without touching the others.
 */
final class RateLimiter {

    private final double perNano;
    private final double capacity;
    private double available;
    private long refilledAt;

    RateLimiter(double perSecond, int burst, long nanoTime) {
        this.perNano = perSecond / 1_000_000_000d;
        this.capacity = Math.max(1, burst);
        this.available = capacity;
        this.refilledAt = nanoTime;
    }

    synchronized boolean tryAcquire(long nanoTime) {
        available = Math.min(capacity, available + (nanoTime - refilledAt) * perNano);
        refilledAt = nanoTime;
        if (available >= 1) {
            available -= 1;
            return true;
        }
        return false;
    }
}
