package dev.storefront.benchmark.report;

/** A figure's goal from issue 6: at least (throughput) or at most (latency, start time) {@code value}. */
public record Target(double value, boolean atMost) {

    public static Target atLeast(double value) {
        return new Target(value, false);
    }

    public static Target atMost(double value) {
        return new Target(value, true);
    }

    /** Measured over target, oriented so that 1.0 or more always means "met" (inverted for at-most targets). */
    public double ratio(double measured) {
        if (atMost) {
            return measured <= 0 ? Double.POSITIVE_INFINITY : value / measured;
        }
        return measured / value;
    }

    public boolean met(double measured) {
        return atMost ? measured <= value : measured >= value;
    }

    @Override
    public String toString() {
        return (atMost ? "<= " : ">= ") + Format.number(value);
    }
}
