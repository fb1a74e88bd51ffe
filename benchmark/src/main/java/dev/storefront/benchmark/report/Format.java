package dev.storefront.benchmark.report;

import java.util.Locale;

/** Numbers as the report prints them: thousands separators, at most one decimal. */
public final class Format {

    private Format() {}

    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    public static String ratio(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f", ratio) : "n/a";
    }

    /** One Markdown table row of {@code cells}, ending its line. */
    static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** A goal as the tables show it, blank where there is none. */
    static String target(Target target) {
        return target == null ? "" : target.toString();
    }

    /** A share of a ceiling, blank where there is no ceiling. */
    static String share(double share) {
        return Double.isNaN(share) ? "" : ratio(share);
    }

    /** The ratio to a target and whether it is met, blank where there is no target ({@code met} null). */
    static String verdict(Boolean met, double ratioToTarget) {
        if (met == null) {
            return "";
        }
        return ratio(ratioToTarget) + (met ? " met" : " **short**");
    }
}
