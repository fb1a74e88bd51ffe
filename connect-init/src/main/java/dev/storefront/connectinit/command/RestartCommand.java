package dev.storefront.connectinit.command;

import dev.storefront.connectinit.CliFailure;
import dev.storefront.connectinit.ExitCode;
import dev.storefront.connectinit.connect.ConnectClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        description = {
            "Restarts each connector with all its tasks, then waits until RUNNING.",
            "POST /connectors/<name>/restart?includeTasks=true&onlyFailed=false; a connector that is not",
            "registered fails before anything is restarted."
        })
public final class RestartCommand extends ConnectorCommand {

    @Override
    public Integer call() {
        List<String> selected = root.catalog().select(names);
        ConnectClient connect = root.connect(true);
        connect.awaitReachable(root.timeout(), out());
        List<String> missing =
                selected.stream().filter(name -> connect.status(name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new CliFailure(
                    ExitCode.NOT_RUNNING,
                    "Not registered, nothing was restarted: " + String.join(", ", missing)
                            + " (register with `apply`)");
        }
        for (String name : selected) {
            if (!connect.restart(name)) {
                throw new CliFailure(ExitCode.NOT_RUNNING, name + " vanished before its restart (deleted meanwhile?)");
            }
            out().println(name + ": restart requested");
        }
        Map<String, Boolean> restarted = new LinkedHashMap<>();
        selected.forEach(name -> restarted.put(name, true));
        root.runningWaiter(connect).await(restarted);
        out().println("RUNNING: " + String.join(", ", selected));
        out().flush();
        return ExitCode.OK;
    }
}
