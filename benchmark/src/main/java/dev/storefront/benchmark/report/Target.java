package dev.storefront.benchmark.report;

/**
 * A figure's goal (issue 16): at least (throughput) or at most (latency, start time, memory) {@code value}, or, for a
 * throughput with a ceiling measured in the same run, at least that share of the ceiling: the machine's speed drifts
 * between runs (the same COPY measured 166,000 and 265,000 rows/s on different days), a ratio within one run does not.
 */
public record Target(double value, boolean atMost, boolean shareOfCeiling) {

    public static Target atLeast(double value) {
        return new Target(value, false, false);
    }

    public static Target atMost(double value) {
        return new Target(value, true, false);
    }

    /** At least {@code share} times the ceiling measured in the same run. */
    public static Target atLeastOfCeiling(double share) {
        return new Target(share, false, true);
    }

    /**
     * Measured over target, oriented so that 1.0 or more always means "met" (inverted for at-most targets); for a
     * share of the ceiling, the share reached over the share asked. NaN when the ceiling it needs is missing.
     */
    public double ratio(double measured, double ceiling) {
        double figure = shareOfCeiling ? measured / ceiling : measured;
        if (atMost) {
            return figure <= 0 ? Double.POSITIVE_INFINITY : value / figure;
        }
        return figure / value;
    }

    public boolean met(double measured, double ceiling) {
        return ratio(measured, ceiling) >= 1;
    }

    @Override
    public String toString() {
        return (atMost ? "<= " : ">= ") + Format.number(value) + (shareOfCeiling ? " x ceiling" : "");
    }
}
