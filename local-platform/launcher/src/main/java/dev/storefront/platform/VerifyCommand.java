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
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Reconcile every pipeline output (order facts, analytics topic and table, order_output, the _cdc "
                    + "history tables) against SQL over PostgreSQL on the running platform, and print a per-output report "
                    + "(matching, missing, wrong). Exit code 0 only if everything matches. Runs `reconciliation.jar`."
        })
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    /** Passed on to `reconciliation.jar` (see its --help). */
    @Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Layout layout = cli.layout();
        return ForegroundJava.run(layout, JavaCommand.withHeap("1g").jar(layout.reconciliationJar()), options);
    }
}
