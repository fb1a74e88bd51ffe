package dev.storefront.platform;

import dev.storefront.platform.process.JavaCommand;
import java.util.List;
import picocli.CommandLine.Command;

/** The commands of `schema-evolution.jar`: the source changing while the platform streams. */
abstract class SchemaEvolutionCommand extends JarCommand {

    @Override
    JavaCommand command(Layout layout) {
        return JavaCommand.withHeap("256m").jar(layout.evolveJar());
    }

    @Override
    List<String> arguments() {
        List<String> arguments = commandAndOptions();
        arguments.addAll(List.of("--home", cli.layout().home().toString()));
        return arguments;
    }

    @Command(
            name = "evolve",
            mixinStandardHelpOptions = true,
            description = {
                "Apply a schema evolution scenario (migrations/scenarios/SCENARIO) to the running platform while it "
                        + "streams, after a pre-flight that says which outputs and sink tables it touches and whether "
                        + "the registry would accept the new schemas; a refused change changes nothing (exit 1). "
                        + "Options: --list, --check (pre-flight only). Runs `schema-evolution.jar evolve`."
            })
    static final class Evolve extends SchemaEvolutionCommand {}

    @Command(
            name = "snapshot",
            mixinStandardHelpOptions = true,
            description = {
                "Re-read one captured table while Debezium streams (an incremental snapshot through Debezium's "
                        + "signal table): `./platform snapshot TABLE [--where SQL]`. Every row arrives on the table's "
                        + "topic as op r and the history table records it. Runs `schema-evolution.jar snapshot` "
                        + "(see its --help)."
            })
    static final class Snapshot extends SchemaEvolutionCommand {}
}
