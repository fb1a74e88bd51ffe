package dev.storefront.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Debezium's signal table (migration V3): the source connector's {@code signal.data.collection}, where an
 * execute-snapshot signal starts an incremental snapshot of a table while Debezium streams. The CDC role may insert
 * into it (Debezium frames each snapshot chunk with watermark rows there) and into no other table.
 */
public final class DebeziumSignals {

    /** Schema-qualified, as Debezium names a PostgreSQL table in {@code signal.data.collection}. */
    public static final String TABLE = "debezium.signals";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DebeziumSignals() {}

    /**
     * Asks Debezium to re-read a captured table (schema public) while it streams, only its rows matching {@code filter}
     * when one is given (a SQL condition Debezium adds to each chunk's query).
     *
     * @return the signal's id
     */
    public static String executeSnapshot(Connection storefront, String table, Optional<String> filter)
            throws SQLException {
        String collection = "public." + table;
        ObjectNode data = JSON.createObjectNode().put("type", "incremental");
        data.putArray("data-collections").add(collection);
        filter.ifPresent(condition -> data.putArray("additional-conditions")
                .addObject()
                .put("data-collection", collection)
                .put("filter", condition));
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert =
                storefront.prepareStatement("INSERT INTO " + TABLE + " (id, type, data) VALUES (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, "execute-snapshot");
            insert.setString(3, data.toString());
            insert.executeUpdate();
        }
        return id;
    }
}
