package dev.storefront.connect.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** On the flat records the history sink's unwrap transform makes. */
class ReadPositionAsZeroTest {

    private static final Schema ROW = SchemaBuilder.struct()
            .field("id", Schema.INT64_SCHEMA)
            .field("__op", Schema.OPTIONAL_STRING_SCHEMA)
            .field("__source_lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private final ReadPositionAsZero<SinkRecord> transform = new ReadPositionAsZero<>();

    {
        transform.configure(Map.of());
    }

    @Test
    void anIncrementalSnapshotReadGetsPositionZero() {
        SinkRecord read = record(row(7, "r", null));

        Struct value = (Struct) transform.apply(read).value();

        assertThat(value.getInt64("__source_lsn")).isZero();
        assertThat(value.getInt64("id")).isEqualTo(7);
        assertThat(value.getString("__op")).isEqualTo("r");
        assertThat(value.schema()).isSameAs(ROW);
    }

    @Test
    void aChangeWithItsPositionIsLeftAlone() {
        SinkRecord update = record(row(7, "u", 123_456L));

        assertThat(transform.apply(update)).isSameAs(update);
    }

    @Test
    void aTombstoneIsLeftAlone() {
        SinkRecord tombstone = new SinkRecord("storefront.public.orders", 0, Schema.INT64_SCHEMA, 7L, null, null, 1);

        assertThat(transform.apply(tombstone)).isSameAs(tombstone);
    }

    private static Struct row(long id, String op, Long lsn) {
        return new Struct(ROW).put("id", id).put("__op", op).put("__source_lsn", lsn);
    }

    private static SinkRecord record(Struct value) {
        return new SinkRecord("storefront.public.orders", 0, Schema.INT64_SCHEMA, value.get("id"), ROW, value, 1);
    }
}
