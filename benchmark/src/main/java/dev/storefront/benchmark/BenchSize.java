package dev.storefront.benchmark;

import java.time.Duration;
import java.util.List;

/**
 * How much each phase does. {@code small} (~200,000 rows) finishes in about 7 minutes on 2 cores (CI); {@code default}
 * (~500,000 rows) runs long enough for steady figures, sized from the measured rates (CDC ~3,000-6,000 events/s
 * here) to stay under 20 minutes on 2 cores.
 */
public enum BenchSize {
    SMALL(
            20_000,
            2_000,
            40_000,
            100_000,
            List.of(100, 500),
            Duration.ofSeconds(15),
            Duration.ofSeconds(60),
            Duration.ofMinutes(3)),
    DEFAULT(
            50_000,
            5_000,
            100_000,
            300_000,
            List.of(500, 2_000),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofMinutes(6));

    /** Full load: customers, products and orders (each order brings 1-4 items and a payment). */
    public final int customers;

    public final int products;
    public final int orders;
    /** Streaming CDC: changes written by bulk UPDATE batches. */
    public final int streamingChanges;
    /** End-to-end latency: the seeder delta rates (operations/s), each held for {@link #latencyDuration}. */
    public final List<Integer> latencyRates;
    /** Unmeasured deltas at the first rate before the latency rates (JIT warm-up of the update paths). */
    public final Duration latencyWarmUp;

    /**
     * How long each rate runs: a minute in both sizes. A p99 over 17 s of samples was one episode of a platform in its
     * first minutes; a minute gives three times the samples, on a platform warmed longer at the first rate
     * (docs/performance.md, LW1-LW3).
     */
    public final Duration latencyDuration;
    /** Longest wait for the platform to digest a phase (consumer lag back to 0) or for a phase's events. */
    public final Duration settleTimeout;

    BenchSize(
            int customers,
            int products,
            int orders,
            int streamingChanges,
            List<Integer> latencyRates,
            Duration latencyWarmUp,
            Duration latencyDuration,
            Duration settleTimeout) {
        this.customers = customers;
        this.products = products;
        this.orders = orders;
        this.streamingChanges = streamingChanges;
        this.latencyRates = latencyRates;
        this.latencyWarmUp = latencyWarmUp;
        this.latencyDuration = latencyDuration;
        this.settleTimeout = settleTimeout;
    }
}
