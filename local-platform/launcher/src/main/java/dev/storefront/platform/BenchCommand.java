package dev.storefront.platform;

import dev.storefront.platform.process.JavaCommand;
import picocli.CommandLine.Command;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark a FRESH platform of its own (scratch PLATFORM_DIR benchmark/target/bench-platform, "
                    + "free ports; a platform you have up is not touched): cold start, full load vs PostgreSQL COPY, "
                    + "Debezium snapshot, streaming CDC vs raw logical decoding, end-to-end latency, the CPU at rest. Writes report.json, "
                    + "report.md, report.png and the JFR recordings to --out (default bench-reports/<timestamp>/) and stops "
                    + "the platform even on failure. Options: --size small|default, --phases LIST, --out DIR, "
                    + "--runs N (N runs, each on a fresh platform, and the median of every figure). "
                    + "Runs `benchmark.jar`."
        })
final class BenchCommand extends JarCommand {

    @Override
    JavaCommand command(Layout layout) {
        return JavaCommand.withHeap("768m")
                .jar(layout.benchmarkJar())
                .args("--home", layout.home().toString());
    }
}
