package dev.storefront.structavro;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.apache.avro.io.Encoder;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Writes a Connect struct in Avro's binary encoding of the Avro schema Apicurio's {@code AvroData} derives from its
 * Connect schema: the bytes {@code AvroData.fromConnectData} and Avro's {@code GenericDatumWriter} would write, without
 * building the generic record in between. Compiled once per schema; a schema with what it does not know (arrays, maps,
 * enums, unions other than a type with null) has none, and its records take Apicurio's own path.
 */
final class StructWriter {

    /** Writes one value of a compiled (Connect schema, Avro schema) pair. */
    @FunctionalInterface
    private interface ValueWriter {
        void write(Object value, Encoder out) throws IOException;
    }

    /** A schema pair this writer does not cover. */
    private static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private final org.apache.avro.Schema avroSchema;
    private final ValueWriter root;

    private StructWriter(org.apache.avro.Schema avroSchema, ValueWriter root) {
        this.avroSchema = avroSchema;
        this.root = root;
    }

    /** The writer of {@code connect}'s structs as {@code avro} (AvroData's schema for it), if it covers the pair. */
    static Optional<StructWriter> compile(Schema connect, org.apache.avro.Schema avro) {
        try {
            return Optional.of(new StructWriter(avro, record(connect, avro)));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    org.apache.avro.Schema avroSchema() {
        return avroSchema;
    }

    void write(Struct struct, Encoder out) throws IOException {
        root.write(struct, out);
    }

    private static ValueWriter value(Schema connect, org.apache.avro.Schema avro) throws Unsupported {
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            return nullable(connect, avro);
        }
        ValueWriter writer = nonNull(connect, avro);
        return (value, out) -> {
            if (value == null) {
                throw new DataException("A null value for the required schema " + avro);
            }
            writer.write(value, out);
        };
    }

    /** AvroData's optional type: a union of null and the type, null first unless the field's default is not null. */
    private static ValueWriter nullable(Schema connect, org.apache.avro.Schema union) throws Unsupported {
        List<org.apache.avro.Schema> types = union.getTypes();
        int nullIndex = types.get(0).getType() == org.apache.avro.Schema.Type.NULL ? 0 : 1;
        int typeIndex = 1 - nullIndex;
        if (types.size() != 2
                || types.get(nullIndex).getType() != org.apache.avro.Schema.Type.NULL
                || types.get(typeIndex).getType() == org.apache.avro.Schema.Type.NULL) {
            throw new Unsupported("union " + union);
        }
        ValueWriter writer = nonNull(connect, types.get(typeIndex));
        return (value, out) -> {
            if (value == null) {
                out.writeIndex(nullIndex);
                out.writeNull();
            } else {
                out.writeIndex(typeIndex);
                writer.write(value, out);
            }
        };
    }

    private static ValueWriter nonNull(Schema connect, org.apache.avro.Schema avro) throws Unsupported {
        String logical = connect.name();
        switch (connect.type()) {
            case INT8, INT16 -> {
                expect(avro, org.apache.avro.Schema.Type.INT);
                return (value, out) -> out.writeInt(((Number) value).intValue());
            }
            case INT32 -> {
                expect(avro, org.apache.avro.Schema.Type.INT);
                if (Date.LOGICAL_NAME.equals(logical)) {
                    return (value, out) -> out.writeInt(Date.fromLogical(connect, (java.util.Date) value));
                }
                if (Time.LOGICAL_NAME.equals(logical)) {
                    return (value, out) -> out.writeInt(Time.fromLogical(connect, (java.util.Date) value));
                }
                return (value, out) -> out.writeInt((Integer) value);
            }
            case INT64 -> {
                expect(avro, org.apache.avro.Schema.Type.LONG);
                if (Timestamp.LOGICAL_NAME.equals(logical)) {
                    return (value, out) -> out.writeLong(Timestamp.fromLogical(connect, (java.util.Date) value));
                }
                return (value, out) -> out.writeLong((Long) value);
            }
            case FLOAT32 -> {
                expect(avro, org.apache.avro.Schema.Type.FLOAT);
                return (value, out) -> out.writeFloat((Float) value);
            }
            case FLOAT64 -> {
                expect(avro, org.apache.avro.Schema.Type.DOUBLE);
                return (value, out) -> out.writeDouble((Double) value);
            }
            case BOOLEAN -> {
                expect(avro, org.apache.avro.Schema.Type.BOOLEAN);
                return (value, out) -> out.writeBoolean((Boolean) value);
            }
            case STRING -> {
                expect(avro, org.apache.avro.Schema.Type.STRING);
                return (value, out) -> out.writeString((String) value);
            }
            case BYTES -> {
                expect(avro, org.apache.avro.Schema.Type.BYTES);
                if (Decimal.LOGICAL_NAME.equals(logical)) {
                    return (value, out) -> out.writeBytes(Decimal.fromLogical(connect, (BigDecimal) value));
                }
                return (value, out) -> {
                    if (value instanceof byte[] bytes) {
                        out.writeBytes(bytes);
                    } else {
                        out.writeBytes((ByteBuffer) value);
                    }
                };
            }
            case STRUCT -> {
                return record(connect, avro);
            }
            default -> throw new Unsupported(connect.type().toString());
        }
    }

    /** A record's fields in order, each from the struct's field of the same position and name. */
    private static ValueWriter record(Schema connect, org.apache.avro.Schema avro) throws Unsupported {
        expect(avro, org.apache.avro.Schema.Type.RECORD);
        List<Field> fields = connect.fields();
        List<org.apache.avro.Schema.Field> avroFields = avro.getFields();
        if (fields.size() != avroFields.size()) {
            throw new Unsupported("fields of " + avro.getFullName());
        }
        Field[] from = fields.toArray(Field[]::new);
        ValueWriter[] writers = new ValueWriter[from.length];
        for (int i = 0; i < from.length; i++) {
            if (!from[i].name().equals(avroFields.get(i).name())) {
                throw new Unsupported("field " + from[i].name() + " of " + avro.getFullName());
            }
            writers[i] = value(from[i].schema(), avroFields.get(i).schema());
        }
        return (value, out) -> {
            Struct struct = (Struct) value;
            // What AvroData checks too; Debezium hands out one schema instance per table, so this is an identity check.
            if (struct.schema() != connect && !struct.schema().equals(connect)) {
                throw new DataException("Mismatching struct schema: " + struct.schema() + " for " + connect);
            }
            for (int i = 0; i < from.length; i++) {
                // Struct.get: a null value reads as the field's default, as AvroData reads it.
                writers[i].write(struct.get(from[i]), out);
            }
        };
    }

    private static void expect(org.apache.avro.Schema avro, org.apache.avro.Schema.Type type) throws Unsupported {
        if (avro.getType() != type) {
            throw new Unsupported(avro.getType() + " instead of " + type);
        }
    }
}
