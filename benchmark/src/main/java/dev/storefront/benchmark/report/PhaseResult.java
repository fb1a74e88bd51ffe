package dev.storefront.benchmark.report;

import java.util.List;
import java.util.Map;

/**
 * A phase's outcome: its figures, the facts measured beside them (row counts, CPU seconds per process...), and
 * notes on what bounds it; {@code error} is set when the phase failed, and the others still run.
 */
public record PhaseResult(
        String phase, List<Figure> figures, Map<String, Object> facts, List<String> notes, String error) {

    public static PhaseResult failed(String phase, String error) {
        return new PhaseResult(phase, List.of(), Map.of(), List.of(), error);
    }
}
