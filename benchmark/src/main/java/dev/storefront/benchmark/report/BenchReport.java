package dev.storefront.benchmark.report;

import java.util.List;
import java.util.Map;

/** The whole run: when, on what (cores, memory, size) and every phase. */
public record BenchReport(String startedAt, String size, Map<String, Object> machine, List<PhaseResult> phases) {}
