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
        List<String> withoutArchive = platform.componentsWithoutClassData();
        String archives = "every JVM mapped its class-data archive";
        if (!withoutArchive.isEmpty()) {
            // A build's first start writes the archives at its down; the goal is the start users see after that.
            archives = String.format(
                    "the first start (%.1f s) found no class-data archive for %s (first start after a build): they"
                            + " were written at its down and this figure is the second start on an empty"
                            + " PLATFORM_DIR",
                    seconds, String.join(", ", withoutArchive));
            progress("cold start: " + withoutArchive + " started without a class-data archive (first start after a"
                    + " build): down, which writes them, then up again on an empty PLATFORM_DIR");
            seconds = platform.up();
            progress(String.format("cold start: all healthy after %.1f s", seconds));
        }
        return new PhaseResult(
                "Cold start",
                List.of(Figure.of("up --detach to all healthy", seconds, "s").withTarget(TARGET)),
                Map.of("seconds", seconds),
                List.of(
                        archives + ".",
                        "Includes PostgreSQL initdb and migrations, the broker's storage format, Connect's plugin scan, "
                                + "connector registration (connect-init waits for RUNNING) and the pipeline's start; "
                                + "independent components start in parallel on "
                                + Runtime.getRuntime().availableProcessors()
                                + " cores, so JVM start-up CPU is the bound (see PLATFORM_DIR/logs for each start)."),
                null);
    }
}
