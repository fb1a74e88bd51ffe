package dev.storefront.platform;

import dev.storefront.platform.process.JavaCommand;
import picocli.CommandLine.Command;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Reconcile every pipeline output (order facts, analytics topic and table, order_output, the _cdc "
                    + "history tables) against SQL over PostgreSQL on the running platform, and print a per-output report "
                    + "(matching, missing, wrong). Exit code 0 only if everything matches. Runs `reconciliation.jar`."
        })
final class VerifyCommand extends JarCommand {

    @Override
    JavaCommand command(Layout layout) {
        return JavaCommand.withHeap("1g").jar(layout.reconciliationJar());
    }
}
