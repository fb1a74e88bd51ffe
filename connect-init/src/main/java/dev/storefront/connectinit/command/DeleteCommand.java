package dev.storefront.connectinit.command;

import dev.storefront.connectinit.ExitCode;
import dev.storefront.connectinit.connect.ConnectClient;
import dev.storefront.connectinit.slot.ReplicationSlots;
import dev.storefront.connectinit.template.RenderedConnector;
import dev.storefront.contract.ReplicationSlots.Outcome;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {
            "Deletes each connector, and with --drop-slot its replication slot.",
            "A connector that is not registered is fine. Debezium leaves its replication slot behind",
            "(it keeps WAL forever): --drop-slot drops it once the connector's task has released it."
        })
public final class DeleteCommand extends ConnectorCommand {

    /** Debezium's PostgreSQL connector uses this slot when the config names none. */
    private static final String POSTGRES_CONNECTOR = "io.debezium.connector.postgresql.PostgresConnector";

    private static final String DEBEZIUM_DEFAULT_SLOT = "debezium";

    @Option(
            names = "--drop-slot",
            description = {
                "Also drop each connector's logical replication slot (its rendered",
                "slot.name) as POSTGRES_USER at POSTGRES_HOST:POSTGRES_PORT/POSTGRES_DB, once the slot is released."
            })
    boolean dropSlot;

    @Override
    public Integer call() {
        List<String> selected = root.catalog().select(names);
        // Rendered first: a template problem or a missing POSTGRES_* variable must stop us before any delete.
        List<RenderedConnector> connectors = dropSlot ? root.render(selected) : List.of();
        ReplicationSlots slots = dropSlot ? new ReplicationSlots(root.env(), root.masker()) : null;
        ConnectClient connect = root.connect(true);
        connect.awaitReachable(root.timeout(), out());
        for (String name : selected) {
            out().println(name + (connect.delete(name) ? ": deleted" : ": not registered, nothing to delete"));
        }
        for (RenderedConnector connector : connectors) {
            Optional<String> slot = slotOf(connector);
            if (slot.isEmpty()) {
                out().println(connector.name() + ": no replication slot (not a PostgreSQL source)");
                continue;
            }
            Outcome outcome = slots.drop(slot.get(), root.timeout(), out());
            out().println(connector.name() + ": replication slot " + slot.get()
                    + (outcome == Outcome.DROPPED ? " dropped" : " did not exist, nothing to drop"));
        }
        out().flush();
        return ExitCode.OK;
    }

    private static Optional<String> slotOf(RenderedConnector connector) {
        return connector
                .get("slot.name")
                .or(() -> POSTGRES_CONNECTOR.equals(connector.connectorClass())
                        ? Optional.of(DEBEZIUM_DEFAULT_SLOT)
                        : Optional.empty());
    }
}
