package dev.storefront.benchmark;

import dev.storefront.benchmark.client.Http;
import dev.storefront.benchmark.client.Kafka;
import dev.storefront.benchmark.platform.CpuWindow;
import dev.storefront.benchmark.platform.ScratchPlatform;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** What every phase works with: the scratch platform, its clients, the size, and the processes to watch. */
public record BenchContext(ScratchPlatform platform, Http http, Kafka kafka, BenchSize size, Map<String, Long> pids) {

    public static final List<String> TABLES = List.of("customers", "products", "orders", "order_items", "payments");

    public CpuWindow cpu() {
        return CpuWindow.open(pids);
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
