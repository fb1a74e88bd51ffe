package dev.storefront.pipeline.testing;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Records shaped as Debezium 3.7's PostgreSQL connector writes them for the storefront tables (Avro envelopes
 * with before/after/source/op, NUMERIC as decimal bytes, timestamptz as ISO text), each change at a growing LSN.
 */
public final class CdcEvents {

    public static final String CREATED_AT = "2026-01-05T10:15:30.123456Z";
    public static final String UPDATED_AT = "2026-01-06T08:00:00.5Z";

    private static final Schema DECIMAL_10_2 =
            LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES));
    private static final Schema DECIMAL_12_2 =
            LogicalTypes.decimal(12, 2).addToSchema(Schema.create(Schema.Type.BYTES));
    private static final Schema SOURCE = SchemaBuilder.record("Source")
            .namespace("io.debezium.connector.postgresql")
            .fields()
            .requiredString("version")
            .requiredString("connector")
            .requiredString("name")
            .requiredLong("ts_ms")
            .requiredString("db")
            .optionalString("schema")
            .optionalString("table")
            .optionalLong("txId")
            .optionalLong("lsn")
            .endRecord();

    private static final Map<String, Schema> ROWS = Map.of(
            "customers",
                    row("customers")
                            .requiredLong("id")
                            .requiredString("full_name")
                            .requiredString("email")
                            .requiredString("address")
                            .requiredString("city")
                            .requiredString("country")
                            .requiredString("created_at")
                            .requiredString("updated_at")
                            .endRecord(),
            "products",
                    row("products")
                            .requiredLong("id")
                            .requiredString("name")
                            .requiredString("category")
                            .name("price")
                            .type(DECIMAL_10_2)
                            .noDefault()
                            .requiredInt("stock_quantity")
                            .requiredString("created_at")
                            .requiredString("updated_at")
                            .endRecord(),
            "orders",
                    row("orders")
                            .requiredLong("id")
                            .requiredLong("customer_id")
                            .requiredString("status")
                            .name("total")
                            .type(DECIMAL_12_2)
                            .noDefault()
                            .requiredString("created_at")
                            .requiredString("updated_at")
                            .endRecord(),
            "order_items",
                    row("order_items")
                            .requiredLong("id")
                            .requiredLong("order_id")
                            .requiredLong("product_id")
                            .requiredInt("quantity")
                            .name("price_at_purchase")
                            .type(DECIMAL_10_2)
                            .noDefault()
                            .endRecord());

    private static final Schema MESSAGE_KEY = SchemaBuilder.record("Key")
            .namespace("io.debezium.connector.common.message")
            .fields()
            .requiredString("prefix")
            .endRecord();
    private static final Schema MESSAGE = SchemaBuilder.record("Envelope")
            .namespace("io.debezium.connector.common.message")
            .fields()
            .requiredString("op")
            .optionalLong("ts_ms")
            .name("source")
            .type(SOURCE)
            .noDefault()
            .name("message")
            .type(SchemaBuilder.record("Message")
                    .namespace("io.debezium.connector.common.message")
                    .fields()
                    .requiredString("prefix")
                    .requiredBytes("content")
                    .endRecord())
            .noDefault()
            .endRecord();

    private long lsn = 10_000;
    private long txId = 500;
    private long commitMillis = 1_767_600_000_000L;

    private static SchemaBuilder.FieldAssembler<Schema> row(String table) {
        return SchemaBuilder.record("Value")
                .namespace("storefront.public." + table)
                .fields();
    }

    public static GenericRecord customer(long id, String name, String email, String country) {
        return record(
                "customers",
                Map.of(
                        "id",
                        id,
                        "full_name",
                        name,
                        "email",
                        email,
                        "address",
                        "1 Main St",
                        "city",
                        "Springfield",
                        "country",
                        country,
                        "created_at",
                        CREATED_AT,
                        "updated_at",
                        CREATED_AT));
    }

    public static GenericRecord product(long id, String name, String category, String price) {
        return record(
                "products",
                Map.of(
                        "id",
                        id,
                        "name",
                        name,
                        "category",
                        category,
                        "price",
                        new BigDecimal(price),
                        "stock_quantity",
                        10,
                        "created_at",
                        CREATED_AT,
                        "updated_at",
                        CREATED_AT));
    }

    public static GenericRecord order(long id, long customerId, String status, String total) {
        return record(
                "orders",
                Map.of(
                        "id",
                        id,
                        "customer_id",
                        customerId,
                        "status",
                        status,
                        "total",
                        new BigDecimal(total),
                        "created_at",
                        CREATED_AT,
                        "updated_at",
                        CREATED_AT));
    }

    public static GenericRecord item(long id, long orderId, long productId, int quantity, String price) {
        return record(
                "order_items",
                Map.of(
                        "id",
                        id,
                        "order_id",
                        orderId,
                        "product_id",
                        productId,
                        "quantity",
                        quantity,
                        "price_at_purchase",
                        new BigDecimal(price)));
    }

    /** A copy of {@code row} with one column changed. */
    public static GenericRecord with(GenericRecord row, String column, Object value) {
        GenericRecord copy = new GenericData.Record((GenericData.Record) row, true);
        copy.put(column, encode(row.getSchema().getField(column).schema(), value));
        return copy;
    }

    public static String table(GenericRecord row) {
        return row.getSchema().getNamespace().substring("storefront.public.".length());
    }

    public static GenericRecord key(GenericRecord row) {
        Schema schema = SchemaBuilder.record("Key")
                .namespace(row.getSchema().getNamespace())
                .fields()
                .requiredLong("id")
                .endRecord();
        GenericRecord key = new GenericData.Record(schema);
        key.put("id", row.get("id"));
        return key;
    }

    public GenericRecord create(GenericRecord row) {
        return envelope(row.getSchema(), null, row, "c");
    }

    public GenericRecord update(GenericRecord before, GenericRecord after) {
        return envelope(after.getSchema(), before, after, "u");
    }

    public GenericRecord delete(GenericRecord before) {
        return envelope(before.getSchema(), before, null, "d");
    }

    public static GenericRecord messageKey(String prefix) {
        GenericRecord key = new GenericData.Record(MESSAGE_KEY);
        key.put("prefix", prefix);
        return key;
    }

    /** A logical decoding message event ({@code pg_logical_emit_message(true, prefix, content)}). */
    public GenericRecord message(String prefix, String content) {
        GenericRecord message =
                new GenericData.Record(MESSAGE.getField("message").schema());
        message.put("prefix", prefix);
        message.put("content", ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
        GenericRecord event = new GenericData.Record(MESSAGE);
        event.put("op", "m");
        event.put("ts_ms", commitMillis);
        event.put("source", source(null));
        event.put("message", message);
        return event;
    }

    /** The LSN of the last event made. */
    public long lastLsn() {
        return lsn;
    }

    public long lastCommitMillis() {
        return commitMillis;
    }

    private GenericRecord envelope(Schema rowSchema, GenericRecord before, GenericRecord after, String op) {
        Schema optionalRow = Schema.createUnion(Schema.create(Schema.Type.NULL), rowSchema);
        Schema schema = SchemaBuilder.record("Envelope")
                .namespace(rowSchema.getNamespace())
                .fields()
                .name("before")
                .type(optionalRow)
                .withDefault(null)
                .name("after")
                .type(optionalRow)
                .withDefault(null)
                .name("source")
                .type(SOURCE)
                .noDefault()
                .requiredString("op")
                .optionalLong("ts_ms")
                .endRecord();
        GenericRecord envelope = new GenericData.Record(schema);
        envelope.put("before", before);
        envelope.put("after", after);
        envelope.put("source", source(rowSchema.getNamespace().substring("storefront.public.".length())));
        envelope.put("op", op);
        envelope.put("ts_ms", commitMillis + 3);
        return envelope;
    }

    private GenericRecord source(String table) {
        lsn += 64;
        txId++;
        commitMillis += 1_000;
        GenericRecord source = new GenericData.Record(SOURCE);
        source.put("version", "3.7.0.Final");
        source.put("connector", "postgresql");
        source.put("name", "storefront");
        source.put("ts_ms", commitMillis);
        source.put("db", "storefront");
        source.put("schema", table == null ? null : "public");
        source.put("table", table);
        source.put("txId", txId);
        source.put("lsn", lsn);
        return source;
    }

    private static GenericRecord record(String table, Map<String, Object> values) {
        Schema schema = ROWS.get(table);
        GenericRecord row = new GenericData.Record(schema);
        values.forEach((column, value) ->
                row.put(column, encode(schema.getField(column).schema(), value)));
        return row;
    }

    private static Object encode(Schema schema, Object value) {
        if (value instanceof BigDecimal decimal) {
            return new Conversions.DecimalConversion().toBytes(decimal, schema, schema.getLogicalType());
        }
        return value;
    }
}
