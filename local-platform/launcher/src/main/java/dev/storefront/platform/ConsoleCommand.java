package dev.storefront.platform;

import dev.storefront.platform.process.JavaCommand;
import java.util.List;
import picocli.CommandLine.Command;

/** The terminal tools of `console.jar`: the launcher passes the command's name and options on. */
abstract class ConsoleCommand extends JarCommand {

    @Override
    JavaCommand command(Layout layout) {
        return JavaCommand.withHeap("256m").jar(layout.consoleJar());
    }

    @Override
    List<String> arguments() {
        return commandAndOptions();
    }

    @Command(
            name = "topics",
            mixinStandardHelpOptions = true,
            description = {
                "List the broker's topics: partitions, offsets (an upper bound of the records) and the registry "
                        + "subjects of their keys and values. Runs `console.jar topics` (see its --help)."
            })
    static final class Topics extends ConsoleCommand {}

    @Command(
            name = "tail",
            mixinStandardHelpOptions = true,
            description = {
                "Print a topic's committed records as one decoded JSON document per line (pipe it to jq): "
                        + "`./platform tail TOPIC [-n N] [--from-beginning] [--follow]`. Runs `console.jar tail` "
                        + "(its --help has every option)."
            })
    static final class Tail extends ConsoleCommand {}

    @Command(
            name = "metrics",
            mixinStandardHelpOptions = true,
            description = {
                "A compact live summary of the platform's /metrics endpoints (broker, Connect with Debezium, pipeline, "
                        + "seeder): rates and levels, refreshed every 2 s until Ctrl-C; --once for one table. Runs "
                        + "`console.jar metrics` (see its --help)."
            })
    static final class Metrics extends ConsoleCommand {}
}
