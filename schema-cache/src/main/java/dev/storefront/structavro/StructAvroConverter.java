package dev.storefront.structavro;

import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.utils.converter.AvroConverter;
import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Apicurio's Avro converter, writing a Connect struct straight into Avro's binary encoding ({@link StructWriter})
 * instead of first building Avro's generic record of it ({@code AvroData.fromConnectData}) and then walking that
 * record with Avro's generic writer: the same schema, registry id and bytes. Reading, and the records of a schema the
 * writer does not cover, are Apicurio's own.
 */
public class StructAvroConverter extends AvroConverter<Object> {

    /** Schema instances seen by one converter; far below this unless schemas churn, then start over. */
    static final int MAX_SCHEMAS = 1_000;

    /** By Connect schema instance: Debezium hands out one per table and key, and one per table change. */
    private final Map<Schema, Optional<StructWriter>> writers = Collections.synchronizedMap(new IdentityHashMap<>());

    private AvroData avroData;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withProvider = new HashMap<>(configs);
        withProvider.put(AvroKafkaSerdeConfig.AVRO_DATUM_PROVIDER, StructDatumProvider.class.getName());
        super.configure(withProvider, isKey);
        // AvroConverter's own AvroData, as it configures it: the Avro schema it derives is the one registered.
        avroData = new AvroData(new AvroDataConfig(withProvider));
    }

    @Override
    protected Object applySchema(Schema schema, Object value) {
        if (value instanceof Struct struct && struct.schema() == schema) {
            Optional<StructWriter> writer = writerOf(schema);
            if (writer.isPresent()) {
                return new StructDatum(writer.get(), struct);
            }
        }
        return super.applySchema(schema, value);
    }

    private Optional<StructWriter> writerOf(Schema schema) {
        Optional<StructWriter> known = writers.get(schema);
        if (known != null) {
            return known;
        }
        if (writers.size() >= MAX_SCHEMAS) {
            writers.clear();
        }
        Optional<StructWriter> compiled = StructWriter.compile(schema, avroData.fromConnectSchema(schema));
        writers.put(schema, compiled);
        return compiled;
    }
}
