package dev.storefront.connectinit.connect;

import java.time.Duration;

/** A point in time a wait must not pass; sleeps never overshoot it. */
final class Deadline {
    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline in(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    boolean passed() {
        return remaining().isZero();
    }

    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** Sleeps for {@code delay} or until the deadline, whichever is first. */
    void sleep(Duration delay) {
        Duration wait = delay.compareTo(remaining()) < 0 ? delay : remaining();
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
