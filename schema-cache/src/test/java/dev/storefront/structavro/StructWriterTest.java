package dev.storefront.structavro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.utils.converter.avro.AvroData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Random;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** Every struct written by {@link StructWriter} against what Apicurio's AvroData and Avro's generic writer write. */
class StructWriterTest {

    /** A table's row: every type Debezium writes for the platform's columns, and the ones it may write elsewhere. */
    private static final Schema ROW = SchemaBuilder.struct()
            .name("storefront.public.orders.Value")
            .field("id", Schema.INT64_SCHEMA)
            .field("small", Schema.OPTIONAL_INT16_SCHEMA)
            .field("tiny", Schema.OPTIONAL_INT8_SCHEMA)
            .field("quantity", Schema.INT32_SCHEMA)
            .field("ratio", Schema.OPTIONAL_FLOAT32_SCHEMA)
            .field("score", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("active", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("status", SchemaBuilder.string().defaultValue("NEW").build())
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("priority", SchemaBuilder.int32().optional().defaultValue(3).build())
            .field("total", Decimal.builder(2).optional().build())
            .field("price", Decimal.builder(2).build())
            .field("payload", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("created_on", Date.builder().optional().build())
            .field("created_at_time", Time.builder().optional().build())
            .field("shipped_at", Timestamp.builder().optional().build())
            .field(
                    "updated_at",
                    SchemaBuilder.string()
                            .name("io.debezium.time.ZonedTimestamp")
                            .version(1)
                            .optional()
                            .build())
            .field(
                    "micros",
                    SchemaBuilder.int64()
                            .name("io.debezium.time.MicroTimestamp")
                            .version(1)
                            .build())
            .optional()
            .build();

    private static final Schema SOURCE = SchemaBuilder.struct()
            .name("io.debezium.connector.postgresql.Source")
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field(
                    "snapshot",
                    SchemaBuilder.string()
                            .name("io.debezium.data.Enum")
                            .parameter("allowed", "true,first,last,false,incremental")
                            .defaultValue("false")
                            .optional()
                            .build())
            .field("db", Schema.STRING_SCHEMA)
            .field("sequence", Schema.OPTIONAL_STRING_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private static final Schema TRANSACTION = SchemaBuilder.struct()
            .name("event.block")
            .version(1)
            .field("id", Schema.STRING_SCHEMA)
            .field("total_order", Schema.INT64_SCHEMA)
            .field("data_collection_order", Schema.INT64_SCHEMA)
            .optional()
            .build();

    /** Debezium's change event envelope around {@link #ROW}. */
    private static final Schema ENVELOPE = SchemaBuilder.struct()
            .name("storefront.public.orders.Envelope")
            .version(2)
            .field("before", ROW)
            .field("after", ROW)
            .field("source", SOURCE)
            .field("transaction", TRANSACTION)
            .field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private final AvroData avroData = new AvroData(100);
    private final Random random = new Random(16);

    @Test
    void writesWhatAvroDataAndTheGenericWriterWrite() throws IOException {
        for (int i = 0; i < 2_000; i++) {
            Struct event = envelope(i);
            assertThat(direct(ENVELOPE, event)).as("event %d: %s", i, event).isEqualTo(generic(ENVELOPE, event));
        }
    }

    @Test
    void writesAKeyAndDefaultsForNullValuesAsAvroDataDoes() throws IOException {
        Schema key = SchemaBuilder.struct()
                .name("storefront.public.orders.Key")
                .field("id", Schema.INT64_SCHEMA)
                .build();
        Struct id = new Struct(key).put("id", 42L);
        assertThat(direct(key, id)).isEqualTo(generic(key, id));

        // status (required, default NEW) and priority (optional, default 3) not set: both read as their defaults.
        Struct row = new Struct(ROW)
                .put("id", 1L)
                .put("quantity", 2)
                .put("price", new BigDecimal("9.99"))
                .put("micros", 5L);
        Struct event = envelope(0).put("after", row);
        assertThat(direct(ENVELOPE, event)).isEqualTo(generic(ENVELOPE, event));
    }

    @Test
    void coversNoArraysOrMapsSoTheirRecordsTakeApicuriosPath() {
        Schema withArray = SchemaBuilder.struct()
                .name("with.Array")
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .build();
        Schema withMap = SchemaBuilder.struct()
                .name("with.Map")
                .field(
                        "attributes",
                        SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA)
                                .build())
                .build();
        assertThat(StructWriter.compile(withArray, avroData.fromConnectSchema(withArray)))
                .isEmpty();
        assertThat(StructWriter.compile(withMap, avroData.fromConnectSchema(withMap)))
                .isEmpty();
    }

    @Test
    void refusesANullForARequiredFieldAsAvroDataDoes() {
        Schema required = SchemaBuilder.struct()
                .name("with.Required")
                .field("name", Schema.STRING_SCHEMA)
                .build();
        Struct missing = new Struct(required);
        StructWriter writer = StructWriter.compile(required, avroData.fromConnectSchema(required))
                .orElseThrow();
        assertThatThrownBy(() -> writer.write(missing, encoder(new ByteArrayOutputStream())))
                .isInstanceOf(DataException.class);
    }

    @Test
    void theConverterHandsTheSerializerAStructDatumOnlyWhereTheWriterCovers() {
        StructAvroConverter converter = new StructAvroConverter();
        converter.configure(Map.of("apicurio.registry.url", "http://localhost:1/apis/registry/v2"), false);
        Object event = converter.applySchema(ENVELOPE, envelope(1));
        assertThat(event).isInstanceOf(StructDatum.class);
        assertThat(((GenericContainer) event).getSchema()).isEqualTo(avroData.fromConnectSchema(ENVELOPE));
        assertThat(converter.applySchema(ENVELOPE, envelope(2))).isInstanceOf(StructDatum.class);

        Schema withArray = SchemaBuilder.struct()
                .name("with.Array")
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .build();
        Object generic = converter.applySchema(withArray, new Struct(withArray).put("tags", java.util.List.of("a")));
        assertThat(generic).isInstanceOf(GenericContainer.class).isNotInstanceOf(StructDatum.class);
    }

    private Struct envelope(int i) {
        String op = switch (i % 4) {
            case 0 -> "c";
            case 1 -> "u";
            case 2 -> "d";
            default -> "r";
        };
        Struct source = new Struct(SOURCE)
                .put("version", "3.7.0.Final")
                .put("connector", "postgresql")
                .put("ts_ms", random.nextLong())
                .put("snapshot", i % 5 == 0 ? null : "false")
                .put("db", "storefront")
                .put("sequence", "[\"" + random.nextInt() + "\",\"" + random.nextInt() + "\"]")
                .put("txId", i % 3 == 0 ? null : random.nextLong())
                .put("lsn", random.nextLong());
        Struct event = new Struct(ENVELOPE)
                .put("before", op.equals("c") || op.equals("r") ? null : row())
                .put("after", op.equals("d") ? null : row())
                .put("source", source)
                .put("op", op)
                .put("ts_ms", i % 7 == 0 ? null : random.nextLong());
        if (i % 2 == 0) {
            event.put(
                    "transaction",
                    new Struct(TRANSACTION)
                            .put("id", "tx-" + i)
                            .put("total_order", random.nextLong())
                            .put("data_collection_order", (long) i));
        }
        return event;
    }

    private Struct row() {
        return new Struct(ROW)
                .put("id", random.nextLong())
                .put("small", maybe((short) random.nextInt()))
                .put("tiny", maybe((byte) random.nextInt()))
                .put("quantity", random.nextInt())
                .put("ratio", maybe(random.nextFloat()))
                .put("score", maybe(random.nextDouble() * 1e9))
                .put("active", maybe(random.nextBoolean()))
                .put("status", "SHIPPED \t\n ü € " + random.nextInt())
                .put("note", maybe("Note " + "x".repeat(random.nextInt(200))))
                .put("priority", maybe(random.nextInt(10)))
                .put("total", maybe(new BigDecimal(BigInteger.valueOf(random.nextLong()), 2)))
                .put("price", new BigDecimal(BigInteger.valueOf(random.nextInt(1_000_000)), 2))
                .put("payload", maybe(random.nextBoolean() ? bytes() : ByteBuffer.wrap(bytes())))
                .put("created_on", maybe(new java.util.Date(random.nextInt(20_000) * 86_400_000L)))
                .put("created_at_time", maybe(new java.util.Date(random.nextInt(86_400_000))))
                .put("shipped_at", maybe(new java.util.Date(random.nextLong() >> 20)))
                .put("updated_at", maybe("2026-12-06T10:" + random.nextInt(60) + ":00.123456Z"))
                .put("micros", random.nextLong());
    }

    private byte[] bytes() {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The value, or null one time in four. */
    private <T> T maybe(T value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    private byte[] direct(Schema schema, Struct struct) throws IOException {
        StructWriter writer =
                StructWriter.compile(schema, avroData.fromConnectSchema(schema)).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = encoder(out);
        writer.write(struct, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** Apicurio's path: AvroData's generic record, written by Avro's generic writer (the default datum provider's). */
    private byte[] generic(Schema schema, Struct struct) throws IOException {
        org.apache.avro.Schema avro = avroData.fromConnectSchema(schema);
        Object record = avroData.fromConnectData(schema, struct);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = encoder(out);
        new GenericDatumWriter<>(avro).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static BinaryEncoder encoder(ByteArrayOutputStream out) {
        return EncoderFactory.get().directBinaryEncoder(out, null);
    }
}
