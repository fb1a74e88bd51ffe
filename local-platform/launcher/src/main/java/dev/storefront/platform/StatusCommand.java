package dev.storefront.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.ReplicationSlots;
import dev.storefront.contract.connect.ConnectorStates;
import dev.storefront.contract.run.ProcessMemory;
import dev.storefront.contract.run.RunState;
import dev.storefront.contract.sql.FlinkJobs;
import dev.storefront.platform.lifecycle.Component;
import dev.storefront.platform.sql.FlinkSqlComponent;
import java.io.IOException;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Probe every component (SQL, Kafka admin, HTTP health endpoints) and show its health, PID, "
                    + "address and log, the state of every connector and Debezium's replication slot (active, WAL it "
                    + "retains). Exit code 1 if anything is unhealthy. --json prints the same as one JSON document."
        })
final class StatusCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    PlatformCli cli;

    @Option(names = "--json", description = "One JSON document (launcher, components, connectors, slot) for scripts.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Layout layout = cli.layout();
        Optional<RunState> state = RunState.read(layout.runDir());
        List<Component> components = PlatformComponents.create(layout);
        // The probes run together: one after another they took seconds (each opens its own connection).
        ExecutorService probes = Executors.newFixedThreadPool(components.size() + 1);
        List<CompletableFuture<Boolean>> probed = components.stream()
                .map(component -> CompletableFuture.supplyAsync(component::isHealthy, probes))
                .toList();
        CompletableFuture<Map<String, String>> connectorStates = CompletableFuture.supplyAsync(
                () -> ConnectorStates.fetch(layout.endpoints().connectUrl()), probes);
        CompletableFuture<Optional<ReplicationSlots.SlotState>> slot =
                CompletableFuture.supplyAsync(() -> slotState(layout), probes);
        probes.shutdown();
        boolean allHealthy = true;
        List<StatusTable.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            boolean healthy = probed.get(i).join();
            String pid = state.flatMap(s -> s.components().stream()
                            .filter(e -> e.name().equals(component.name()))
                            .findFirst())
                    .map(RunState.Entry::pid)
                    .filter(Objects::nonNull)
                    .map(String::valueOf)
                    .orElse("-");
            // An optional component the launcher never started is off; one it started and lost is down.
            boolean off = component.isOptional() && !healthy && pid.equals("-");
            allHealthy &= healthy || off;
            String health = healthy ? "healthy" : off ? StatusTable.OFF : "DOWN";
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
        Map<String, String> connectors = connectorStates.join();
        if (json) {
            System.out.println(JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(document(state, rows, connectors, slot.join(), allHealthy)));
            return allHealthy ? 0 : PlatformCli.FAILED;
        }
        state.ifPresentOrElse(
                s -> System.out.println("Launcher: pid " + s.launcherPid() + ", "
                        + s.phase().name().toLowerCase() + (s.launcherAlive() ? "" : " (launcher not running)")
                        + ", since " + s.startedAt()),
                () -> System.out.println("Launcher: never started here"));
        StatusTable.print(System.out, rows);
        if (!connectors.isEmpty()) {
            System.out.println("\nConnectors:");
            connectors.forEach((name, connectorState) -> System.out.printf("  %-40s %s%n", name, connectorState));
        }
        slot.join()
                .map(ReplicationSlots.SlotState::describe)
                .ifPresent(
                        text -> System.out.println("\n" + text.substring(0, 1).toUpperCase() + text.substring(1)));
        rows.stream()
                .filter(row ->
                        row.name().equals(FlinkSqlComponent.NAME) && row.state().equals("healthy"))
                .findFirst()
                .ifPresent(row -> System.out.println("\n" + sqlLayer(layout, row.pid())));
        return allHealthy ? 0 : PlatformCli.FAILED;
    }

    /** The SQL layer's memory against its budget, and its jobs. */
    private static String sqlLayer(Layout layout, String pid) {
        StringBuilder text = new StringBuilder("SQL layer: Flink mini-cluster ");
        try {
            text.append(String.format(
                    "%,.0f MB resident (budget %,d MB)",
                    ProcessMemory.residentMegabytes(Long.parseLong(pid)), FlinkSqlComponent.MEMORY_BUDGET_MB));
        } catch (IOException | NumberFormatException e) {
            text.append("(memory unknown: ").append(e.getMessage()).append(')');
        }
        try {
            List<FlinkJobs.Job> jobs = new FlinkJobs(layout.endpoints().flinkUrl()).list();
            text.append(", ").append(jobs.size()).append(jobs.size() == 1 ? " job" : " jobs");
            jobs.forEach(job -> text.append(String.format("%n  %-40s %-10s %s", job.name(), job.state(), job.id())));
        } catch (IOException e) {
            text.append(", jobs unknown: ").append(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text.toString();
    }

    /** What the table shows, with the same names, as one document. */
    private static ObjectNode document(
            Optional<RunState> state,
            List<StatusTable.Row> rows,
            Map<String, String> connectors,
            Optional<ReplicationSlots.SlotState> slot,
            boolean healthy) {
        ObjectNode document = JSON.createObjectNode();
        document.put("healthy", healthy);
        state.ifPresentOrElse(
                s -> document.putObject("launcher")
                        .put("pid", s.launcherPid())
                        .put("phase", s.phase().name().toLowerCase())
                        .put("running", s.launcherAlive())
                        .put("since", s.startedAt().toString()),
                () -> document.putNull("launcher"));
        ArrayNode components = document.putArray("components");
        rows.forEach(row -> components
                .addObject()
                .put("name", row.name())
                .put("state", row.state())
                .put("pid", row.pid().equals("-") ? null : Long.valueOf(row.pid()))
                .put("endpoint", row.endpoint())
                .put("log", row.log()));
        ObjectNode connectorStates = document.putObject("connectors");
        connectors.forEach(connectorStates::put);
        slot.ifPresentOrElse(
                s -> document.putObject("replicationSlot")
                        .put("name", s.slot())
                        .put("active", s.active())
                        .put("retainedWalBytes", s.retainedWalBytes()),
                () -> document.putNull("replicationSlot"));
        return document;
    }

    /** Debezium's slot: an inactive slot or a growing retention is where a stalled capture shows first. */
    private static Optional<ReplicationSlots.SlotState> slotState(Layout layout) {
        String slot = layout.env().require(PlatformVariable.DEBEZIUM_SLOT);
        try (Connection db = layout.endpoints().openDatabase(layout.env().require(PlatformVariable.POSTGRES_DB))) {
            return ReplicationSlots.state(db, slot);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
