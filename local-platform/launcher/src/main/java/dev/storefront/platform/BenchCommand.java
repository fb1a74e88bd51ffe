package dev.storefront.platform;

import dev.storefront.platform.process.ForegroundJava;
import dev.storefront.platform.process.JavaCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark a FRESH platform of its own (scratch PLATFORM_DIR benchmark/target/bench-platform, "
                    + "free ports; a platform you have up is not touched): cold start, full load vs PostgreSQL COPY, "
                    + "Debezium snapshot, streaming CDC vs raw logical decoding, end-to-end latency. Writes report.json, "
                    + "report.md, report.png and the JFR recordings to --out (default bench-reports/<timestamp>/) and stops "
                    + "the platform even on failure. Options: --size small|default, --phases LIST, --out DIR. "
                    + "Runs `benchmark.jar`."
        })
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    /** Passed on to `benchmark.jar` (see its --help). */
    @Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Layout layout = cli.layout();
        return ForegroundJava.run(
                layout,
                JavaCommand.withHeap("768m")
                        .jar(layout.benchmarkJar())
                        .args("--home", layout.home().toString()),
                options);
    }
}
