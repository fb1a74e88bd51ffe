package dev.storefront.connect.history;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Gives a change without a WAL position the position 0, in the flat record the history sink writes (after Debezium's
 * unwrap). Debezium's incremental snapshot reads (op r, `./platform snapshot`) carry no LSN, and the history tables
 * are keyed by (id, __source_lsn, __op): a null there would fail the sink's insert and stop its task. 0 is what every
 * reader of the platform takes for a missing LSN (the pipeline's and verify's {@code ChangeEvent.position}): a read
 * then sorts before every change of its row, which it never is newer than, and a row read twice is recorded once.
 */
public class ReadPositionAsZero<R extends ConnectRecord<R>> implements Transformation<R> {

    /** The field the unwrap transform adds for {@code source.lsn} (add.fields=...,source.lsn). */
    static final String FIELD = "__source_lsn";

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public R apply(R record) {
        if (!(record.value() instanceof Struct value)) {
            return record;
        }
        Field position = value.schema().field(FIELD);
        if (position == null || value.get(position) != null) {
            return record;
        }
        Struct filled = new Struct(value.schema());
        for (Field f : value.schema().fields()) {
            filled.put(f, f.equals(position) ? Long.valueOf(0L) : value.get(f));
        }
        return record.newRecord(
                record.topic(),
                record.kafkaPartition(),
                record.keySchema(),
                record.key(),
                record.valueSchema(),
                filled,
                record.timestamp(),
                record.headers());
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void close() {}
}
