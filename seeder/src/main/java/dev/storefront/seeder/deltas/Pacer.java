package dev.storefront.seeder.deltas;

/**
 * How many operations are due at each tick to hold a rate. Falling behind is caught up in bursts of at
 * most a tenth of a second's worth; a longer backlog is dropped, so a slow database lowers the achieved
 * rate instead of causing an ever-growing burst.
 */
final class Pacer {

    private final int rate;
    private final long startNanos;
    private final int maxBurst;
    private long issued;

    Pacer(int rate, long startNanos) {
        if (rate < 1) {
            throw new IllegalArgumentException("Rate must be positive: " + rate);
        }
        this.rate = rate;
        this.startNanos = startNanos;
        this.maxBurst = Math.max(1, rate / 10);
    }

    int due(long nowNanos) {
        long target = (long) Math.floor(rate * ((nowNanos - startNanos) / 1e9));
        long backlog = target - issued;
        if (backlog <= 0) {
            return 0;
        }
        issued = target;
        return (int) Math.min(backlog, maxBurst);
    }
}
