package dev.storefront.source;

import io.debezium.config.CommonConnectorConfig;
import io.debezium.connector.postgresql.PostgresSourceInfoStructMaker;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.connect.data.Schema;

/**
 * Debezium's {@code source} block with one schema instance for every connector config of a JVM. Debezium 3.7's
 * Postgres task builds two configs (in {@code preStart} and in {@code start}), each with a struct maker of its own: the
 * table schemas take the {@code source} field's schema from one, the events' {@code source} structs from the other.
 * Equal, not the same, so every check that a struct has its field's schema compared them field by field: Debezium's
 * {@code Envelope.update} and, per event in the task thread, Apicurio's Avro conversion (9 % of that thread's samples,
 * docs/performance.md). With one instance each check is an identity check. Equal schemas share one instance, so a
 * connector with other settings (another name adjustment) still gets its own.
 */
public class SharedSchemaSourceInfoStructMaker extends PostgresSourceInfoStructMaker {

    private static final ConcurrentMap<Schema, Schema> SHARED = new ConcurrentHashMap<>();

    private Schema shared;

    @Override
    public void init(String connector, String version, CommonConnectorConfig connectorConfig) {
        super.init(connector, version, connectorConfig);
        shared = SHARED.computeIfAbsent(super.schema(), schema -> schema);
    }

    @Override
    public Schema schema() {
        return shared;
    }
}
