package dev.storefront.benchmark.report;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the cores each process used during a phase and says, in one sentence, what bounded it. */
public final class Bottleneck {

    /** Above this share of all cores, the machine itself was the limit. */
    static final double SATURATED = 0.85;

    private Bottleneck() {}

    /**
     * Threads waiting for a core, on average over all processes, from which the cores count as contended although
     * not all of them were busy: work queued for a core instead of waiting on I/O or a timer.
     */
    static final double CONTENDED = 0.5;

    /** From this many cores of steal on average, a phase's figures say more about the host than the platform. */
    static final double NOTICEABLE_STEAL = 0.05;

    /**
     * @param waiting threads of each process runnable but waiting for a core, on average (none: not measured)
     * @param stolen cores the host ran other guests on meanwhile, on average (steal time)
     */
    public static String describe(
            Map<String, Double> coresUsed, Map<String, Double> waiting, int cores, double stolen) {
        String bound = bound(coresUsed, waiting, cores);
        String text = waiting.isEmpty()
                ? bound
                : bound + "; threads waiting for a core, on average: " + Format.ratio(sum(waiting)) + " ("
                        + list(waiting) + ")";
        return steal(stolen, cores).map(steal -> text + "; " + steal).orElse(text);
    }

    /** What the host took from the machine's cores, if it is worth saying. */
    public static Optional<String> steal(double stolen, int cores) {
        return stolen < NOTICEABLE_STEAL
                ? Optional.empty()
                : Optional.of("the host gave " + Format.ratio(stolen) + " of the " + cores
                        + " cores to other guests meanwhile (steal time)");
    }

    private static String bound(Map<String, Double> coresUsed, Map<String, Double> waiting, int cores) {
        if (coresUsed.isEmpty()) {
            return "no CPU figures (no /proc): bound not measured";
        }
        double total = sum(coresUsed);
        Map.Entry<String, Double> top =
                coresUsed.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        String usage = list(coresUsed);
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
        if (sum(waiting) >= CONTENDED) {
            return String.format(
                    java.util.Locale.ROOT,
                    "contended for the cores: %.2f of %d cores busy, and work queued for them rather than idle (cores"
                            + " used: %s)",
                    total,
                    cores,
                    usage);
        }
        return String.format(
                java.util.Locale.ROOT,
                "not CPU-bound (%.2f of %d cores): waits dominate (poll/commit intervals, batching, I/O); cores used: %s",
                total,
                cores,
                usage);
    }

    /** The cores of all processes (or threads) together. */
    public static double sum(Map<String, Double> byProcess) {
        return byProcess.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** "name share, ..." for the entries of at least {@code atLeast} cores, as the map orders them. */
    public static String shares(Map<String, Double> byProcess, double atLeast) {
        return byProcess.entrySet().stream()
                .filter(e -> e.getValue() >= atLeast)
                .map(e -> e.getKey() + " " + Format.ratio(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The processes with a share worth naming under load. */
    private static String list(Map<String, Double> byProcess) {
        return shares(byProcess, 0.05);
    }
}
