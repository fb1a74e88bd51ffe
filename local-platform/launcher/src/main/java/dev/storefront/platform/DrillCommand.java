package dev.storefront.platform;

import dev.storefront.platform.process.JavaCommand;
import picocli.CommandLine.Command;

@Command(
        name = "drill",
        mixinStandardHelpOptions = true,
        description = {
            "A fault drill on a scratch platform of its own (fault-drill/target/drill-platform, free ports; or --running): "
                    + "with the seeder's deltas at --rate (default 200/s) it SIGKILLs, then restarts gracefully, each "
                    + "component in turn, waits until everything is healthy, verifies every output and counts changes "
                    + "seen twice in the CDC topics; prints a table, exit 1 if anything was lost, doubled or not healed. "
                    + "Options: --running, --rate N, --faults kill,restart, --components LIST, --stream, --settle, "
                    + "--heal-timeout, --orders, --sql (the SQL layer's shipped jobs run and are drilled too). Runs "
                    + "`fault-drill.jar`."
        })
final class DrillCommand extends JarCommand {

    @Override
    JavaCommand command(Layout layout) {
        return JavaCommand.withHeap("768m")
                .jar(layout.drillJar())
                .args("--home", layout.home().toString());
    }
}
