package dev.storefront.benchmark.phase;

import static dev.storefront.benchmark.BenchContext.progress;

import dev.storefront.benchmark.BenchContext;
import dev.storefront.benchmark.platform.CpuWindow;
import dev.storefront.benchmark.report.Bottleneck;
import dev.storefront.benchmark.report.Figure;
import dev.storefront.benchmark.report.Format;
import dev.storefront.benchmark.report.PhaseResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * At rest: the cores the platform keeps busy while nothing changes, after the load phases and once every consumer has
 * caught up (the JVMs past most of their warm-up). On 2 shared cores this is what every change's work competes with
 * before it starts: poll loops, heartbeats, metrics.
 */
public final class AtRestPhase {

    public static final String NAME = "At rest";

    static final Duration WINDOW = Duration.ofSeconds(15);

    /** At rest every hundredth of a core is worth naming: the figures are small. */
    static final double AT_REST_SHARE = 0.01;

    private AtRestPhase() {}

    public static PhaseResult run(BenchContext ctx) throws InterruptedException {
        progress("at rest: no changes for " + WINDOW.toSeconds() + " s, reading the cores each process keeps busy");
        CpuWindow cpu = ctx.cpu();
        Thread.sleep(WINDOW.toMillis());
        Map<String, Double> cores = cpu.close();
        // The bench's own JVM only sleeps here: the platform's figure leaves it out.
        Map<String, Double> platform = new LinkedHashMap<>(cores);
        platform.remove("benchmark");
        int machineCores = Runtime.getRuntime().availableProcessors();
        double busy = Bottleneck.sum(platform);
        String text = describe(busy, machineCores, platform, cpu.topThreads());
        progress("at rest: " + text);

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("coresUsed", platform);
        facts.put("threadsWaitingForCore", cpu.waiting());
        facts.put("busiestThreads", cpu.topThreads());
        return new PhaseResult(
                NAME,
                List.of(Figure.of("share of the cores busy with nothing changing", 100 * busy / machineCores, "%")),
                facts,
                List.of(text + "."),
                null);
    }

    /** One sentence: the cores busy, each process's share worth naming, the busiest process's busiest threads. */
    static String describe(
            double busy, int machineCores, Map<String, Double> byProcess, Map<String, Map<String, Double>> threads) {
        if (byProcess.isEmpty()) {
            return "no CPU figures (no /proc): not measured";
        }
        String busiest = threads.entrySet().stream()
                .map(e -> "; busiest threads of " + e.getKey() + ": " + Bottleneck.shares(e.getValue(), AT_REST_SHARE))
                .collect(Collectors.joining());
        return Format.ratio(busy) + " of " + machineCores + " cores busy with nothing changing ("
                + Bottleneck.shares(byProcess, AT_REST_SHARE) + ")" + busiest;
    }
}
