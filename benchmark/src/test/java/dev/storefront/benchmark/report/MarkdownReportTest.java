package dev.storefront.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    static BenchReport sample() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", 2);
        return new BenchReport(
                "2026-01-01T00:00:00Z",
                "small",
                machine,
                List.of(
                        new PhaseResult(
                                "Full load",
                                List.of(Figure.of("seeder rows/s", 75_000, "rows/s")
                                        .withTarget(Target.atLeast(150_000))
                                        .withCeiling(300_000)),
                                Map.of("rows", 200_000),
                                List.of("CPU-bound: 1.90 of 2 cores busy"),
                                null),
                        new PhaseResult(
                                "End-to-end latency",
                                List.of(Figure.of("commit -> fact p99", 120, "ms")
                                        .withTarget(Target.atMost(250))),
                                Map.of(),
                                List.of(),
                                null),
                        PhaseResult.failed("Snapshot", "the snapshot did not reach 10 events"),
                        new PhaseResult(
                                "Reconciliation",
                                List.of(),
                                Map.of(),
                                List.of("DIFFERS topic storefront.public.payments changes seen once: wrong 532"),
                                "`platform verify` still finds differences after 201 s (exit 1): see its report below")),
                List.of(
                        LatencyRecordingTest.recording("commit -> fact", 100),
                        LatencyRecordingTest.recording("commit -> CDC topic", 100)));
    }

    @Test
    void tableRowHoldsFigureTargetVerdictCeilingAndShare() {
        String md = MarkdownReport.render(sample());

        assertThat(md)
                .contains(
                        "| Full load | seeder rows/s | 75,000 rows/s | >= 150,000 | 0.50 **short** | 300,000 | 0.25 |");
        assertThat(md).contains("| End-to-end latency | commit -> fact p99 | 120 ms | <= 250 | 2.08 met |  |  |");
    }

    @Test
    void machineSizeNotesFactsAndFailuresAreShown() {
        String md = MarkdownReport.render(sample());

        assertThat(md).contains("size `small`, cores 2.");
        assertThat(md).contains("- CPU-bound: 1.90 of 2 cores busy");
        assertThat(md).contains("- `rows`: 200000");
        assertThat(md).contains("| Snapshot | **failed** |");
        assertThat(md).contains("Failed: the snapshot did not reach 10 events");
    }

    @Test
    void aFailedPhaseShowsWhatItFoundBelowItsFailure() {
        String md = MarkdownReport.render(sample());

        assertThat(md)
                .contains(
                        "## Reconciliation\n\nFailed: `platform verify` still finds differences after 201 s (exit 1): "
                                + "see its report below\n\n- DIFFERS topic storefront.public.payments changes seen once: wrong 532\n");
    }
}
