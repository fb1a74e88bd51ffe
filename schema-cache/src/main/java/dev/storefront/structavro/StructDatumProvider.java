package dev.storefront.structavro;

import io.apicurio.registry.serde.avro.AvroDatumProvider;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;
import org.apache.kafka.connect.errors.DataException;

/**
 * The Avro serializer's datum provider for {@link StructAvroConverter}: a {@link StructDatum} is written by its own
 * writer; anything else (records of schemas the writer does not cover, and every read) goes to Apicurio's default.
 */
public class StructDatumProvider implements AvroDatumProvider<Object> {

    private static final DatumWriter<Object> STRUCT_WRITER = new DatumWriter<>() {
        @Override
        public void setSchema(Schema schema) {}

        @Override
        public void write(Object datum, Encoder out) throws IOException {
            StructDatum struct = (StructDatum) datum;
            try {
                struct.writer().write(struct.struct(), out);
            } catch (ClassCastException e) {
                throw new DataException(
                        "A value does not match its schema in "
                                + struct.getSchema().getFullName(),
                        e);
            }
        }
    };

    private final DefaultAvroDatumProvider<Object> generic = new DefaultAvroDatumProvider<>();

    @Override
    public void configure(AvroKafkaSerdeConfig config) {
        generic.configure(config);
    }

    @Override
    public DatumWriter<Object> createDatumWriter(Object data, Schema schema) {
        return data instanceof StructDatum ? STRUCT_WRITER : generic.createDatumWriter(data, schema);
    }

    @Override
    public DatumReader<Object> createDatumReader(Schema schema) {
        return generic.createDatumReader(schema);
    }

    @Override
    public Schema toSchema(Object data) {
        return data instanceof StructDatum struct ? struct.getSchema() : generic.toSchema(data);
    }
}
