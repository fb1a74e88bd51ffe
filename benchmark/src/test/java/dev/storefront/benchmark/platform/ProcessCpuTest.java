package dev.storefront.benchmark.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void cpuSecondsAreUtimePlusStimeEvenWhenTheNameHasSpacesAndParentheses() {
        String stat = "4242 (java (kafka) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1500 250 0 0 20 0 40 0 100 0 0";

        assertThat(ProcessCpu.cpuSeconds(stat)).isEqualTo(17.5);
    }

    @Test
    void coresUsedIsCpuSecondsOverWallTimeLargestFirstAndSkipsNewcomers() {
        Map<String, Double> before = Map.of("postgres", 10.0, "connect", 20.0);
        Map<String, Double> after = Map.of("postgres", 15.0, "connect", 38.0, "late", 3.0);

        Map<String, Double> cores = ProcessCpu.coresUsed(before, after, 10.0);

        assertThat(cores).containsExactly(Map.entry("connect", 1.8), Map.entry("postgres", 0.5));
    }

    @Test
    void threadNameIsBetweenTheFirstOpeningAndTheLastClosingParenthesis() {
        assertThat(ProcessCpu.threadName("77 (task-thread-sto) R 1 2 3")).isEqualTo("task-thread-sto");
        assertThat(ProcessCpu.threadName("78 (a (b) c) S 1")).isEqualTo("a (b) c");
    }

    @Test
    void theThreadsOfThisJvmAreNamedAsJavaNamesThemCutAtFifteen() {
        assertThat(ProcessCpu.threads(ProcessHandle.current().pid())).containsKey("Reference Handl");
    }

    @Test
    void stealIsTheEighthValueOfTheFirstLineOfProcStatInTicks() {
        String procStat = "cpu  1000 20 300 40000 50 0 10 2500 0 0\ncpu0 500 10 150 20000 25 0 5 1250 0 0\n";

        assertThat(ProcessCpu.stolenSeconds(procStat)).isEqualTo(25.0);
    }

    @Test
    void theRunQueueWaitIsSchedstatsSecondFieldInNanoseconds() {
        assertThat(ProcessCpu.runQueueSeconds("1500000000 250000000 42\n")).isEqualTo(0.25);
    }

    @Test
    void theWaitForACoreIsSampledForEveryLiveProcessWhereTheKernelKeepsSchedstat() {
        long pid = ProcessHandle.current().pid();

        Map<String, Double> waited = ProcessCpu.waitedForCore(Map.of("me", pid, "gone", Long.MAX_VALUE));

        if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/schedstat"))) {
            assertThat(waited).containsOnlyKeys("me");
            assertThat(waited.get("me")).isNotNegative();
        } else {
            assertThat(waited).isEmpty();
        }
    }

    @Test
    void thisJvmCanBeSampled() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcessCpu.sample(Map.of("me", pid, "gone", Long.MAX_VALUE))).containsOnlyKeys("me");
    }
}
