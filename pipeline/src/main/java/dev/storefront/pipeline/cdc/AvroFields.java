package dev.storefront.pipeline.cdc;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Typed reads of the fields of Debezium's Avro rows. */
public final class AvroFields {

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private AvroFields() {}

    public static long longValue(GenericRecord record, String field) {
        return ((Number) require(record, field)).longValue();
    }

    /** A whole number of any width (a column widened from integer to bigint still reads), refused beyond int. */
    public static int intValue(GenericRecord record, String field) {
        return Math.toIntExact(longValue(record, field));
    }

    public static String string(GenericRecord record, String field) {
        return require(record, field).toString();
    }

    /** A column that may not exist (yet): null without the field or without a value. */
    public static String optionalString(GenericRecord record, String field) {
        Object value = record.hasField(field) ? record.get(field) : null;
        return value == null ? null : value.toString();
    }

    /** A NUMERIC column: Avro bytes with logicalType decimal, converted exactly (never through a double). */
    public static BigDecimal decimal(GenericRecord record, String field) {
        Object value = require(record, field);
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        Schema schema = nonNull(record.getSchema().getField(field).schema());
        if (!(schema.getLogicalType() instanceof LogicalTypes.Decimal logicalType)) {
            throw new IllegalArgumentException("Field " + field + " of "
                    + record.getSchema().getFullName() + " is not an Avro decimal: " + schema);
        }
        return DECIMALS.fromBytes(((ByteBuffer) value).duplicate(), schema, logicalType);
    }

    /** A timestamptz column (io.debezium.time.ZonedTimestamp, ISO-8601 text) in microseconds since the epoch. */
    public static long timestampMicros(GenericRecord record, String field) {
        return epochMicros(OffsetDateTime.parse(string(record, field)).toInstant());
    }

    public static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    public static Instant fromEpochMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** The non-null branch of an optional ({@code [null, T]}) schema, or the schema itself. */
    static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream()
                .filter(s -> s.getType() != Schema.Type.NULL)
                .findFirst()
                .orElse(schema);
    }

    private static Object require(GenericRecord record, String field) {
        if (!record.hasField(field)) {
            throw new IllegalArgumentException(
                    "No field " + field + " in " + record.getSchema().getFullName());
        }
        Object value = record.get(field);
        if (value == null) {
            throw new IllegalArgumentException(
                    "Field " + field + " of " + record.getSchema().getFullName() + " is null");
        }
        return value;
    }
}
