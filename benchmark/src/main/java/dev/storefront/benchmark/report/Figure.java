package dev.storefront.benchmark.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One measured figure of a phase, with its target (null when the issue sets none, e.g. a ceiling) and the
 * ceiling measured in the same run (NaN when there is none).
 */
public record Figure(String name, double value, String unit, Target target, double ceiling) {

    public static Figure of(String name, double value, String unit) {
        return new Figure(name, value, unit, null, Double.NaN);
    }

    public Figure withTarget(Target target) {
        return new Figure(name, value, unit, target, ceiling);
    }

    public Figure withCeiling(double ceiling) {
        return new Figure(name, value, unit, target, ceiling);
    }

    /** Ratio to the target (>= 1 means met); NaN without a target. */
    @JsonProperty
    public double targetRatio() {
        return target == null ? Double.NaN : target.ratio(value, ceiling);
    }

    /** Share of the ceiling reached (value / ceiling); NaN without a ceiling. */
    @JsonProperty
    public double ceilingRatio() {
        return Double.isNaN(ceiling) || ceiling == 0 ? Double.NaN : value / ceiling;
    }

    @JsonProperty
    public Boolean met() {
        return target == null ? null : target.met(value, ceiling);
    }
}
