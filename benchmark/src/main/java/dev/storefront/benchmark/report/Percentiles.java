package dev.storefront.benchmark.report;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of latencies (ms): p50/p95/p99/max as the report shows them. */
public record Percentiles(int count, long p50, long p95, long p99, long max) {

    public static Percentiles of(long[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples: nothing arrived during the measurement");
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Percentiles(
                sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Nearest rank: the smallest value with at least {@code percent}% of the sample at or below it. */
    static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
