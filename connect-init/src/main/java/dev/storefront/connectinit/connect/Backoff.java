package dev.storefront.connectinit.connect;

import java.time.Duration;

/** Exponential backoff: each delay doubles, up to a cap. */
final class Backoff {
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.next = initial;
        this.max = max;
    }

    Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }
}
