package dev.storefront.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class CommitTimeTest {

    @Test
    void commitTimeOfAChangeEventIsItsSourceTsMs() {
        Schema source =
                SchemaBuilder.record("Source").fields().requiredLong("ts_ms").endRecord();
        Schema envelope = SchemaBuilder.record("Envelope")
                .fields()
                .name("source")
                .type(source)
                .noDefault()
                .endRecord();
        GenericRecord sourceRecord = new GenericData.Record(source);
        sourceRecord.put("ts_ms", 1_700_000_000_123L);
        GenericRecord event = new GenericData.Record(envelope);
        event.put("source", sourceRecord);

        assertThat(CommitTime.ofChangeEvent(event)).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void commitTimeOfAFactIsItsSourceTsAsLongOrInstant() {
        Schema fact = SchemaBuilder.record("OrderFact")
                .fields()
                .requiredLong("source_ts")
                .endRecord();
        GenericRecord asLong = new GenericData.Record(fact);
        asLong.put("source_ts", 1_700_000_000_456L);
        GenericRecord asInstant = new GenericData.Record(fact);
        asInstant.put("source_ts", Instant.ofEpochMilli(1_700_000_000_789L));

        assertThat(CommitTime.ofFact(asLong)).isEqualTo(1_700_000_000_456L);
        assertThat(CommitTime.ofFact(asInstant)).isEqualTo(1_700_000_000_789L);
    }
}
