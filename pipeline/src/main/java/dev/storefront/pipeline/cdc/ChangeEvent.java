package dev.storefront.pipeline.cdc;

import java.util.Set;
import org.apache.avro.generic.GenericRecord;

/** Reads Debezium change envelopes: {@code {before, after, source {lsn, ts_ms, ...}, op, ts_ms}}. */
public final class ChangeEvent {

    /** Row operations: create, update, delete, and read (snapshot). Truncates and messages are not row changes. */
    private static final Set<String> ROW_OPS = Set.of("c", "u", "d", "r");

    private ChangeEvent() {}

    /** The row id of a table topic's key ({@code {id}}). */
    public static Long id(GenericRecord key) {
        return key == null ? null : AvroFields.longValue(key, "id");
    }

    /** A row's create, update, delete or snapshot read; not a tombstone (a null envelope), truncate or message. */
    public static boolean isRowChange(GenericRecord envelope) {
        return envelope != null && ROW_OPS.contains(op(envelope));
    }

    public static String op(GenericRecord envelope) {
        return AvroFields.string(envelope, "op");
    }

    /** The row after the change, or null when the row is gone (delete event or tombstone). */
    public static GenericRecord after(GenericRecord envelope) {
        return envelope == null || "d".equals(op(envelope)) ? null : (GenericRecord) envelope.get("after");
    }

    /** The row before the change (updates and deletes: the whole row, REPLICA IDENTITY FULL), else null. */
    public static GenericRecord before(GenericRecord envelope) {
        return envelope == null ? null : (GenericRecord) envelope.get("before");
    }

    public static SourcePosition position(GenericRecord envelope) {
        GenericRecord source = (GenericRecord) envelope.get("source");
        Object lsn = source.get("lsn");
        return new SourcePosition(lsn == null ? 0L : ((Number) lsn).longValue(), AvroFields.longValue(source, "ts_ms"));
    }
}
