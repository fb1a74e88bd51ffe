package dev.storefront.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BottleneckTest {

    private static Map<String, Double> cores(Object... nameThenCores) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenCores.length; i += 2) {
            map.put((String) nameThenCores[i], (Double) nameThenCores[i + 1]);
        }
        return map;
    }

    @Test
    void allCoresBusyIsCpuBoundNamingTheLargestUser() {
        String text = Bottleneck.describe(cores("postgres", 0.7, "connect", 1.1, "benchmark", 0.02), Map.of(), 2, 0);

        assertThat(text)
                .startsWith("CPU-bound: 1.82 of 2 cores busy, connect the largest share")
                .contains("connect 1.10")
                .doesNotContain("benchmark");
    }

    @Test
    void oneProcessNearOneCoreWhileTheMachineHasRoomIsTheBound() {
        assertThat(Bottleneck.describe(cores("connect", 0.98, "postgres", 0.2), Map.of(), 2, 0))
                .startsWith("bound by one process: connect kept 0.98 cores busy");
    }

    @Test
    void lowCpuMeansWaitsDominate() {
        assertThat(Bottleneck.describe(cores("pipeline", 0.3, "connect", 0.2), Map.of(), 2, 0))
                .startsWith("not CPU-bound (0.50 of 2");
    }

    @Test
    void coresNotAllBusyButWithWorkQueuedForThemAreContendedNotIdle() {
        String text = Bottleneck.describe(
                cores("kafka", 0.4, "postgres", 0.6, "pipeline", 0.3),
                cores("pipeline", 0.45, "postgres", 0.3, "kafka", 0.2, "benchmark", 0.01),
                2,
                0);

        assertThat(text)
                .startsWith("contended for the cores: 1.30 of 2 cores busy")
                .endsWith("threads waiting for a core, on average: 0.96 (pipeline 0.45, postgres 0.30, kafka 0.20)");
    }

    @Test
    void fewThreadsWaitingForACoreLeaveTheIdleWaitsTheExplanation() {
        assertThat(Bottleneck.describe(cores("pipeline", 0.3, "connect", 0.2), cores("pipeline", 0.1), 2, 0))
                .startsWith("not CPU-bound (0.50 of 2")
                .endsWith("threads waiting for a core, on average: 0.10 (pipeline 0.10)");
    }

    @Test
    void coresTheHostGaveToOtherGuestsAreSaidLastAndATraceOfStealIsNot() {
        Map<String, Double> used = cores("connect", 0.4, "kafka", 0.3);
        Map<String, Double> waiting = cores("connect", 3.0);

        assertThat(Bottleneck.describe(used, waiting, 2, 0.8))
                .startsWith("contended for the cores: 0.70 of 2 cores busy")
                .endsWith("threads waiting for a core, on average: 3.00 (connect 3.00); the host gave 0.80 of the 2 "
                        + "cores to other guests meanwhile (steal time)");
        assertThat(Bottleneck.describe(used, waiting, 2, 0.01)).doesNotContain("steal");
        assertThat(Bottleneck.steal(0.01, 2)).isEmpty();
    }

    @Test
    void withoutFiguresItSaysSo() {
        assertThat(Bottleneck.describe(Map.of(), Map.of(), 2, 0)).contains("not measured");
    }
}
