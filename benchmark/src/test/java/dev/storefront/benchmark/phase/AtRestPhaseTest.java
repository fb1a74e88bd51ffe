package dev.storefront.benchmark.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AtRestPhaseTest {

    @Test
    void namesTheCoresBusyEachProcessWorthNamingAndTheBusiestThreads() {
        Map<String, Double> processes = new LinkedHashMap<>();
        processes.put("connect", 0.28);
        processes.put("kafka", 0.11);
        processes.put("console", 0.004);
        Map<String, Double> threads = new LinkedHashMap<>();
        threads.put("task-thread-storefront-postgres-source-0", 0.1);
        threads.put("C1 CompilerThre", 0.002);

        String text = AtRestPhase.describe(0.39, 2, processes, Map.of("connect", threads));

        assertThat(text)
                .isEqualTo("0.39 of 2 cores busy with nothing changing (connect 0.28, kafka 0.11); busiest threads of"
                        + " connect: task-thread-storefront-postgres-source-0 0.10");
    }

    @Test
    void withoutThreadFiguresItNamesTheProcessesOnly() {
        assertThat(AtRestPhase.describe(0.05, 2, Map.of("kafka", 0.05), Map.of()))
                .isEqualTo("0.05 of 2 cores busy with nothing changing (kafka 0.05)");
    }

    @Test
    void withoutProcFiguresItSaysSo() {
        assertThat(AtRestPhase.describe(0, 2, Map.of(), Map.of())).contains("not measured");
    }
}
