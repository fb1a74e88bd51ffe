package dev.storefront.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsSummaryTest {

    private static final Target SHARE = Target.atLeastOfCeiling(0.8);
    private static final Target P99 = Target.atMost(250);

    private static BenchReport run(String startedAt, double loadRows, double copyRows, double p99, Double snapshot) {
        PhaseResult snapshotPhase = snapshot == null
                ? PhaseResult.failed("Snapshot", "timed out")
                : new PhaseResult(
                        "Snapshot",
                        List.of(Figure.of("Debezium snapshot rows/s", snapshot, "rows/s")),
                        Map.of(),
                        List.of(),
                        null);
        return new BenchReport(
                startedAt,
                "small",
                Map.of("cores", 2),
                List.of(
                        new PhaseResult(
                                "Full load",
                                List.of(Figure.of("seeder rows/s", loadRows, "rows/s")
                                        .withTarget(SHARE)
                                        .withCeiling(copyRows)),
                                Map.of(),
                                List.of(),
                                null),
                        snapshotPhase,
                        new PhaseResult(
                                "End-to-end latency",
                                List.of(Figure.of("commit -> fact p99", p99, "ms")
                                        .withTarget(P99)),
                                Map.of(),
                                List.of(),
                                null)),
                List.of());
    }

    /** Shares of the ceiling 0.30, 0.40, 0.20; fact p99 200, 300, 240 ms; the second run's snapshot failed. */
    private static RunsSummary threeRuns() {
        return RunsSummary.of(List.of(
                run("t1", 60_000, 200_000, 200, 20_000.0),
                run("t2", 40_000, 100_000, 300, null),
                run("t3", 30_000, 150_000, 240, 30_000.0)));
    }

    @Test
    void aShareOfTheCeilingIsJudgedOnTheMedianOfEachRunsOwnShare() {
        RunsSummary.Row load = threeRuns().figures().get(0);

        assertThat(load.values()).containsExactly(60_000.0, 40_000.0, 30_000.0);
        assertThat(load.median()).isEqualTo(40_000);
        // The run with the median value (0.40 of its ceiling) is not the run with the median share (0.30).
        assertThat(load.medianShareOfCeiling()).isEqualTo(0.30, offset(1e-9));
        assertThat(load.medianVsTarget()).isEqualTo(0.375, offset(1e-9));
        assertThat(load.met()).isFalse();
    }

    @Test
    void anAbsoluteGoalIsJudgedOnTheMedianValue() {
        RunsSummary.Row p99 = threeRuns().figures().get(2);

        assertThat(p99.median()).isEqualTo(240);
        assertThat(p99.medianVsTarget()).isEqualTo(250.0 / 240, offset(1e-9));
        assertThat(p99.met()).isTrue();
        assertThat(p99.medianShareOfCeiling()).isNaN();
    }

    @Test
    void anEvenCountIsJudgedOnTheMeanOfTheMiddleTwoNotOnTheirRatios() {
        // 250/200 and 250/310 average 1.03; their median, 255 ms, is over 250.
        RunsSummary.Row p99 = RunsSummary.of(
                        List.of(run("t1", 60_000, 200_000, 200, 20_000.0), run("t2", 40_000, 100_000, 310, 30_000.0)))
                .figures()
                .get(2);

        assertThat(p99.median()).isEqualTo(255);
        assertThat(p99.met()).isFalse();
    }

    @Test
    void aFigureMissingFromARunIsLeftOutOfItsMedianAndCounted() {
        RunsSummary.Row snapshot = threeRuns().figures().get(1);

        assertThat(snapshot.measuredIn()).isEqualTo(2);
        assertThat(snapshot.values()).containsExactly(20_000.0, Double.NaN, 30_000.0);
        assertThat(snapshot.median()).isEqualTo(25_000);
        assertThat(snapshot.met()).isNull();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(RunsSummary.median(Arrays.asList(4.0, Double.NaN, 1.0, 3.0, 2.0)))
                .isEqualTo(2.5);
        assertThat(RunsSummary.median(List.of(Double.NaN))).isNaN();
    }

    @Test
    void markdownShowsTheMedianEveryRunAndTheVerdict() {
        String md = threeRuns().markdown();

        assertThat(md).contains("medians of 3 runs").contains("started t1, t2, t3");
        assertThat(md)
                .contains("| Full load | seeder rows/s | 40,000 rows/s | 60,000 · 40,000 · 30,000 | >= 0.8 x ceiling "
                        + "| 0.37 **short** | 0.30 |");
        assertThat(md)
                .contains("| End-to-end latency | commit -> fact p99 | 240 ms | 200 · 300 · 240 | <= 250 "
                        + "| 1.04 met |  |");
        assertThat(md)
                .contains("| Snapshot | Debezium snapshot rows/s | 25,000 rows/s | 20,000 · n/a · 30,000 |  |  |  |");
    }

    @Test
    void summaryJsonHoldsEveryRunsValueAndTheMedians(@TempDir Path out) throws Exception {
        ReportWriter.writeSummary(threeRuns(), out);

        JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("summary.json")));
        assertThat(json.path("format").asText()).isEqualTo(RunsSummary.FORMAT);
        JsonNode load = json.path("figures").get(0);
        assertThat(load.path("phase").asText()).isEqualTo("Full load");
        assertThat(load.path("values")).hasSize(3);
        assertThat(load.path("median").asDouble()).isEqualTo(40_000);
        assertThat(load.path("met").asBoolean()).isFalse();
        assertThat(load.has("perRun")).isFalse();
        assertThat(Files.readString(out.resolve("summary.md")))
                .isEqualTo(threeRuns().markdown());
    }
}
