package dev.storefront.benchmark.platform;

import static dev.storefront.benchmark.BenchContext.progress;

import dev.storefront.benchmark.report.Bottleneck;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU use of the platform's processes (and this benchmark's JVM) over one phase. */
public final class CpuWindow {

    private static final int TOP_THREADS = 6;
    private static final int MACHINE_CORES = Runtime.getRuntime().availableProcessors();

    private final Map<String, Long> pids;
    private double wallSeconds;
    private Map<String, Map<String, Double>> topThreads = Map.of();
    private final Map<String, Double> before;
    private final Map<String, Double> waitedBefore;
    private Map<String, Double> waiting = Map.of();
    private Map<String, Double> cores = Map.of();
    private final double stolenBefore;
    private double stolen;
    private final Map<String, Map<String, Double>> threadsBefore = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();

    private CpuWindow(Map<String, Long> pids) {
        this.pids = pids;
        this.before = ProcessCpu.sample(pids);
        this.waitedBefore = ProcessCpu.waitedForCore(pids);
        this.stolenBefore = ProcessCpu.stolenSeconds();
        pids.forEach((name, pid) -> threadsBefore.put(name, ProcessCpu.threads(pid)));
    }

    public static CpuWindow open(Map<String, Long> componentPids) {
        Map<String, Long> pids = new LinkedHashMap<>(componentPids);
        pids.put("benchmark", ProcessHandle.current().pid());
        return new CpuWindow(pids);
    }

    /** Cores each process kept busy since {@link #open}, largest first. */
    public Map<String, Double> close() {
        wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        cores = ProcessCpu.coresUsed(before, ProcessCpu.sample(pids), wallSeconds);
        stolen = (ProcessCpu.stolenSeconds() - stolenBefore) / wallSeconds;
        Bottleneck.steal(stolen, MACHINE_CORES)
                .ifPresent(steal -> progress(steal + ": these figures are from a slower machine than this one idle"));
        // A backend that ended took its wait along: no process tree waited less than nothing.
        waiting = ProcessCpu.coresUsed(waitedBefore, ProcessCpu.waitedForCore(pids), wallSeconds);
        waiting.replaceAll((name, threads) -> Math.max(0, threads));
        cores.keySet().stream()
                .findFirst()
                .ifPresent(top -> topThreads = Map.of(
                        top,
                        ProcessCpu.coresUsed(threadsBefore.get(top), ProcessCpu.threads(pids.get(top)), wallSeconds)
                                .entrySet()
                                .stream()
                                .limit(TOP_THREADS)
                                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll)));
        return cores;
    }

    /**
     * After {@link #close}: how many threads of each process were on average runnable but waiting for a core, largest
     * first (empty without schedstat).
     */
    public Map<String, Double> waiting() {
        return waiting;
    }

    /** After {@link #close}: what bounded the window, in one sentence ({@link Bottleneck}). */
    public String describe() {
        return Bottleneck.describe(cores, waiting, MACHINE_CORES, stolen);
    }

    /** After {@link #close}: the busiest threads (by name) of the busiest process, cores each: the profile. */
    public Map<String, Map<String, Double>> topThreads() {
        return topThreads;
    }
}
