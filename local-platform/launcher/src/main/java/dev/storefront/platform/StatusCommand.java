package dev.storefront.platform;

import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.ReplicationSlots;
import dev.storefront.contract.connect.ConnectorStates;
import dev.storefront.contract.run.RunState;
import dev.storefront.platform.lifecycle.Component;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Probe every component (SQL, Kafka admin, HTTP health endpoints) and show its health, PID, "
                    + "address and log, plus the state of every connector. Exit code 1 if anything is unhealthy."
        })
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    @Override
    public Integer call() {
        Layout layout = cli.layout();
        Optional<RunState> state = RunState.read(layout.runDir());
        state.ifPresentOrElse(
                s -> System.out.println("Launcher: pid " + s.launcherPid() + ", "
                        + s.phase().name().toLowerCase() + (s.launcherAlive() ? "" : " (launcher not running)")
                        + ", since " + s.startedAt()),
                () -> System.out.println("Launcher: never started here"));
        List<Component> components = PlatformComponents.create(layout);
        // The probes run together: one after another they took seconds (each opens its own connection).
        ExecutorService probes = Executors.newFixedThreadPool(components.size() + 1);
        List<CompletableFuture<Boolean>> probed = components.stream()
                .map(component -> CompletableFuture.supplyAsync(component::isHealthy, probes))
                .toList();
        CompletableFuture<Map<String, String>> connectorStates = CompletableFuture.supplyAsync(
                () -> ConnectorStates.fetch(layout.endpoints().connectUrl()), probes);
        CompletableFuture<Optional<String>> slot = CompletableFuture.supplyAsync(() -> slotState(layout), probes);
        probes.shutdown();
        boolean allHealthy = true;
        List<StatusTable.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            boolean healthy = probed.get(i).join();
            allHealthy &= healthy;
            String pid = state.flatMap(s -> s.components().stream()
                            .filter(e -> e.name().equals(component.name()))
                            .findFirst())
                    .map(RunState.Entry::pid)
                    .filter(Objects::nonNull)
                    .map(String::valueOf)
                    .orElse("-");
            String health = healthy ? "healthy" : "DOWN";
            if (component.isOneShot()) {
                health = healthy ? "done" : "NOT DONE";
            }
            rows.add(new StatusTable.Row(
                    component.name(),
                    health,
                    pid,
                    component.endpoint(),
                    StatusTable.relative(layout.home(), component.logFile())));
        }
        StatusTable.print(System.out, rows);
        Map<String, String> connectors = connectorStates.join();
        if (!connectors.isEmpty()) {
            System.out.println("\nConnectors:");
            connectors.forEach((name, connectorState) -> System.out.printf("  %-40s %s%n", name, connectorState));
        }
        slot.join()
                .ifPresent(
                        text -> System.out.println("\n" + text.substring(0, 1).toUpperCase() + text.substring(1)));
        return allHealthy ? 0 : PlatformCli.FAILED;
    }

    /** Debezium's slot: an inactive slot or a growing retention is where a stalled capture shows first. */
    private static Optional<String> slotState(Layout layout) {
        String slot = layout.env().require(PlatformVariable.DEBEZIUM_SLOT);
        try (Connection db = layout.endpoints().openDatabase(layout.env().require(PlatformVariable.POSTGRES_DB))) {
            return ReplicationSlots.state(db, slot).map(ReplicationSlots.SlotState::describe);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
