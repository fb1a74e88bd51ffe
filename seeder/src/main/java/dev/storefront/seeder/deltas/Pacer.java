package dev.storefront.seeder.deltas;

/**
 * How many operations are due at each tick to hold a rate. Falling behind (a stalled tick: a slow commit, a busy
 * CPU) is caught up over the next ticks, at most a quarter second's worth per tick; a backlog older than a second
 * is dropped, so a database that stays slow lowers the achieved rate instead of causing an ever-growing burst.
 * A tick's cost is mostly fixed (a dozen round trips and a commit, each waiting for a core on a busy machine), so
 * the cap is also how long a tick may take while holding the rate (docs/performance.md, 2,000 operations/s).
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
        this.maxBurst = Math.max(1, rate / 4);
    }

    int due(long nowNanos) {
        long target = (long) Math.floor(rate * ((nowNanos - startNanos) / 1e9));
        // A backlog of at most a second's worth (rate operations) is kept.
        issued = Math.max(issued, target - rate);
        int due = (int) Math.min(target - issued, maxBurst);
        if (due <= 0) {
            return 0;
        }
        issued += due;
        return due;
    }
}
