package dev.storefront.structavro;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.connect.data.Struct;

/**
 * A Connect struct on its way to the serializer, with the writer of its Avro schema. A {@link GenericContainer}, so the
 * schema resolver finds its schema as it finds a generic record's.
 */
record StructDatum(StructWriter writer, Struct struct) implements GenericContainer {

    @Override
    public Schema getSchema() {
        return writer.avroSchema();
    }
}
