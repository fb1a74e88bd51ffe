package dev.storefront.benchmark.phase;

import static dev.storefront.benchmark.BenchContext.progress;

import dev.storefront.benchmark.platform.ScratchPlatform;
import dev.storefront.benchmark.report.Figure;
import dev.storefront.benchmark.report.PhaseResult;
import dev.storefront.benchmark.report.Target;
import java.util.List;
import java.util.Map;

/** Cold start: `platform up --detach` on an empty PLATFORM_DIR until every component is healthy. */
public final class ColdStartPhase {

    static final Target TARGET = Target.atMost(20);

    private ColdStartPhase() {}

    public static PhaseResult run(ScratchPlatform platform) throws Exception {
        progress("cold start: platform up --detach on an empty PLATFORM_DIR");
        double seconds = platform.up();
        progress(String.format("cold start: all healthy after %.1f s", seconds));
        return new PhaseResult(
                "Cold start",
                List.of(Figure.of("up --detach to all healthy", seconds, "s").withTarget(TARGET)),
                Map.of("seconds", seconds),
                List.of(
                        "Includes PostgreSQL initdb and migrations, the broker's storage format, Connect's plugin scan, "
                                + "connector registration (connect-init waits for RUNNING) and the pipeline's start; "
                                + "independent components start in parallel on "
                                + Runtime.getRuntime().availableProcessors()
                                + " cores, so JVM start-up CPU is the bound (see PLATFORM_DIR/logs for each start)."),
                null);
    }
}
