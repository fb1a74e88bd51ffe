package dev.storefront.connectinit.command;

import dev.storefront.connectinit.CliFailure;
import dev.storefront.connectinit.ExitCode;
import dev.storefront.connectinit.connect.ConnectClient;
import dev.storefront.connectinit.connect.ConnectorStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the state of each connector and its tasks.",
            "Asks Connect once, without waiting; fails when any connector or task is not RUNNING or the",
            "connector is not registered, and prints the traces of failures."
        })
public final class StatusCommand extends ConnectorCommand {

    @Override
    public Integer call() {
        List<String> selected = root.catalog().select(names);
        ConnectClient connect = root.connect(false);
        Map<String, Optional<ConnectorStatus>> statuses = new LinkedHashMap<>();
        selected.forEach(name -> statuses.put(name, connect.status(name)));
        printTable(statuses);
        List<String> notRunning = new ArrayList<>();
        StringBuilder failures = new StringBuilder();
        statuses.forEach((name, status) -> {
            if (status.isEmpty()) {
                notRunning.add(name + " (not registered)");
            } else if (!status.get().running()) {
                notRunning.add(name + " (" + status.get().summary() + ")");
                if (status.get().failed()) {
                    failures.append('\n')
                            .append(name)
                            .append(":\n")
                            .append(status.get().failureReport());
                }
            }
        });
        if (!notRunning.isEmpty()) {
            throw new CliFailure(
                    ExitCode.NOT_RUNNING,
                    "not RUNNING: " + String.join(", ", notRunning)
                            + root.masker().maskText(failures.toString()).stripTrailing());
        }
        return ExitCode.OK;
    }

    private void printTable(Map<String, Optional<ConnectorStatus>> statuses) {
        int width = statuses.keySet().stream()
                .map(String::length)
                .max(Comparator.naturalOrder())
                .orElse(0);
        String row = "%-" + Math.max(width, "CONNECTOR".length()) + "s  %-11s  %s%n";
        out().printf(row, "CONNECTOR", "STATE", "TASKS");
        statuses.forEach((name, status) -> out().printf(
                        row,
                        name,
                        status.map(ConnectorStatus::state).orElse("MISSING"),
                        status.map(ConnectorStatus::taskStates).orElse("-")));
        out().flush();
    }
}
