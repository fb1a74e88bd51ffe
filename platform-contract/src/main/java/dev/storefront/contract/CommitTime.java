package dev.storefront.contract;

import java.time.Instant;
import org.apache.avro.generic.GenericRecord;

/**
 * The source commit time a record carries, the start of every end-to-end latency (the benchmark's, the console's
 * live chart): a change event's {@code source.ts_ms}, an order fact's {@code source_ts}.
 */
public final class CommitTime {

    private CommitTime() {}

    /** source.ts_ms of a Debezium change event (tombstones have no value, so none). */
    public static long ofChangeEvent(GenericRecord value) {
        return ((Number) ((GenericRecord) value.get("source")).get("ts_ms")).longValue();
    }

    /** source_ts of an order fact: timestamp-millis, a Long or an Instant depending on the reader's conversions. */
    public static long ofFact(GenericRecord value) {
        Object ts = value.get("source_ts");
        return ts instanceof Instant instant ? instant.toEpochMilli() : ((Number) ts).longValue();
    }
}
