package dev.storefront.platform;

import dev.storefront.platform.process.JavaCommand;
import picocli.CommandLine.Command;

@Command(
        name = "evolve",
        mixinStandardHelpOptions = true,
        description = {
            "Apply a schema evolution scenario (migrations/scenarios/SCENARIO) to the running platform while it "
                    + "streams, after a pre-flight that says which outputs and sink tables it touches and whether the "
                    + "registry would accept the new schemas; a refused change changes nothing (exit 1). "
                    + "Options: --list, --check (pre-flight only). Runs `schema-evolution.jar`."
        })
final class EvolveCommand extends JarCommand {

    @Override
    JavaCommand command(Layout layout) {
        return JavaCommand.withHeap("256m")
                .jar(layout.evolveJar())
                .args("--home", layout.home().toString());
    }
}
