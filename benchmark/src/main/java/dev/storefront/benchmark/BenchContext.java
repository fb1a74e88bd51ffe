package dev.storefront.benchmark;

import dev.storefront.benchmark.client.Http;
import dev.storefront.benchmark.client.Kafka;
import dev.storefront.benchmark.platform.CpuWindow;
import dev.storefront.benchmark.platform.JfrProfile;
import dev.storefront.benchmark.platform.ScratchPlatform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every phase works with: the scratch platform, its clients, the size, the processes to watch, and the report
 * folder (profiles are written there).
 */
public record BenchContext(ScratchPlatform platform, Http http, Kafka kafka, BenchSize size, Map<String, Long> pids,
                           Path outDir) {

    public static final List<String> TABLES = List.of("customers", "products", "orders", "order_items", "payments");

    public CpuWindow cpu() {
        return CpuWindow.open(pids);
    }

    /** Starts a JFR profile of one component for a phase; the recording lands in the report folder. */
    public JfrProfile profile(String component, String phase) throws IOException, InterruptedException {
        Long pid = pids.get(component);
        if (pid == null) {
            throw new IllegalStateException("No process of " + component + " to profile");
        }
        return JfrProfile.start(pid, "bench-" + phase, outDir.resolve(phase + "-" + component + ".jfr"));
    }

    public List<String> cdcTopics(String prefix) {
        return TABLES.stream().map(table -> prefix + ".public." + table).toList();
    }

    static Map<String, Long> pidsOf(ScratchPlatform platform) throws IOException {
        return platform.componentPids();
    }

    public static void progress(String message) {
        System.out.println("[bench] " + message);
    }
}
