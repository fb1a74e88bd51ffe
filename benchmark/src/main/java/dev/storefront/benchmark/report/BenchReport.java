package dev.storefront.benchmark.report;

import java.util.List;
import java.util.Map;

/**
 * The whole run: when, on what (cores, memory, size), every phase, and the latency recordings of the latency phase.
 * Its JSON (report.json) is what jupyter/benchmark-latency.ipynb plots; {@link #FORMAT} names its shape.
 */
public record BenchReport(
        String format,
        String startedAt,
        String size,
        Map<String, Object> machine,
        List<PhaseResult> phases,
        List<LatencyRecording> latency) {

    /** The report's shape, checked by the notebook: raise it when a field it reads changes. */
    public static final String FORMAT = "storefront-bench/2";

    public BenchReport(
            String startedAt,
            String size,
            Map<String, Object> machine,
            List<PhaseResult> phases,
            List<LatencyRecording> latency) {
        this(FORMAT, startedAt, size, machine, phases, latency);
    }
}
