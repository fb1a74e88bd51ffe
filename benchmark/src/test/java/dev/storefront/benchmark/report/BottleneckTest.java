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
        String text = Bottleneck.describe(cores("postgres", 0.7, "connect", 1.1, "benchmark", 0.02), Map.of(), 2);

        assertThat(text)
                .startsWith("CPU-bound: 1.82 of 2 cores busy, connect the largest share")
                .contains("connect 1.10")
                .doesNotContain("benchmark");
    }

    @Test
    void oneProcessNearOneCoreWhileTheMachineHasRoomIsTheBound() {
        assertThat(Bottleneck.describe(cores("connect", 0.98, "postgres", 0.2), Map.of(), 2))
                .startsWith("bound by one process: connect kept 0.98 cores busy");
    }

    @Test
    void lowCpuMeansWaitsDominate() {
        assertThat(Bottleneck.describe(cores("pipeline", 0.3, "connect", 0.2), Map.of(), 2))
                .startsWith("not CPU-bound (0.50 of 2");
    }

    @Test
    void coresNotAllBusyButWithWorkQueuedForThemAreContendedNotIdle() {
        String text = Bottleneck.describe(
                cores("kafka", 0.4, "postgres", 0.6, "pipeline", 0.3),
                cores("pipeline", 0.45, "postgres", 0.3, "kafka", 0.2, "benchmark", 0.01),
                2);

        assertThat(text)
                .startsWith("contended for the cores: 1.30 of 2 cores busy")
                .endsWith("threads waiting for a core, on average: 0.96 (pipeline 0.45, postgres 0.30, kafka 0.20)");
    }

    @Test
    void fewThreadsWaitingForACoreLeaveTheIdleWaitsTheExplanation() {
        assertThat(Bottleneck.describe(cores("pipeline", 0.3, "connect", 0.2), cores("pipeline", 0.1), 2))
                .startsWith("not CPU-bound (0.50 of 2")
                .endsWith("threads waiting for a core, on average: 0.10 (pipeline 0.10)");
    }

    @Test
    void withoutFiguresItSaysSo() {
        assertThat(Bottleneck.describe(Map.of(), Map.of(), 2)).contains("not measured");
    }
}
