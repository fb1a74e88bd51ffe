package dev.storefront.benchmark.report;

import org.HdrHistogram.Histogram;

/** Percentiles of latencies (ms), p50/p95/p99/max as the report shows them, from an HdrHistogram of the samples. */
public record Percentiles(int count, long p50, long p95, long p99, long max) {

    /** An empty histogram of latencies in ms: auto-resizing, 3 significant digits (exact below 2,048 ms). */
    static Histogram histogram() {
        return new Histogram(3);
    }

    public static Percentiles of(long[] samples) {
        Histogram histogram = histogram();
        for (long sample : samples) {
            histogram.recordValue(sample);
        }
        return of(histogram);
    }

    /**
     * Nearest rank, as HdrHistogram computes it: the smallest value with at least the percentile of the samples at or
     * below it (within the histogram's precision).
     */
    public static Percentiles of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            throw new IllegalArgumentException("no samples: nothing arrived during the measurement");
        }
        return new Percentiles(
                (int) histogram.getTotalCount(),
                histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(95),
                histogram.getValueAtPercentile(99),
                histogram.getMaxValue());
    }
}
