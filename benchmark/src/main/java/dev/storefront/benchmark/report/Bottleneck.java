package dev.storefront.benchmark.report;

import java.util.Map;
import java.util.stream.Collectors;

/** Reads the cores each process used during a phase and says, in one sentence, what bounded it. */
public final class Bottleneck {

    /** Above this share of all cores, the machine itself was the limit. */
    static final double SATURATED = 0.85;

    private Bottleneck() {}

    public static String describe(Map<String, Double> coresUsed, int cores) {
        if (coresUsed.isEmpty()) {
            return "no CPU figures (no /proc): bound not measured";
        }
        double total =
                coresUsed.values().stream().mapToDouble(Double::doubleValue).sum();
        Map.Entry<String, Double> top =
                coresUsed.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        String usage = coresUsed.entrySet().stream()
                .filter(e -> e.getValue() >= 0.05)
                .map(e -> e.getKey() + " " + Format.ratio(e.getValue()))
                .collect(Collectors.joining(", "));
        if (total >= SATURATED * cores) {
            return String.format(
                    java.util.Locale.ROOT,
                    "CPU-bound: %.2f of %d cores busy, %s the largest share (cores used: %s)",
                    total,
                    cores,
                    top.getKey(),
                    usage);
        }
        if (top.getValue() >= 0.9) {
            return String.format(
                    java.util.Locale.ROOT,
                    "bound by one process: %s kept %.2f cores busy while the machine had room (cores used: %s)",
                    top.getKey(),
                    top.getValue(),
                    usage);
        }
        return String.format(
                java.util.Locale.ROOT,
                "not CPU-bound (%.2f of %d cores): waits dominate (poll/commit intervals, batching, I/O); cores used: %s",
                total,
                cores,
                usage);
    }
}
