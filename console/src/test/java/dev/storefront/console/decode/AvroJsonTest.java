package dev.storefront.console.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** A Debezium-shaped envelope: nullable row images, a precise NUMERIC, a map and an array beside them. */
    @Test
    void aDebeziumEnvelopeReadsAsPlainJsonWithExactDecimals() throws Exception {
        Schema money = LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES));
        Schema row = SchemaBuilder.record("Value")
                .fields()
                .requiredLong("id")
                .optionalString("status")
                .name("total")
                .type(money)
                .noDefault()
                .endRecord();
        Schema envelope = SchemaBuilder.record("Envelope")
                .fields()
                .name("before")
                .type()
                .optional()
                .type(row)
                .name("after")
                .type()
                .optional()
                .type(row)
                .requiredString("op")
                .name("tags")
                .type()
                .array()
                .items()
                .stringType()
                .noDefault()
                .name("attributes")
                .type()
                .map()
                .values()
                .intType()
                .noDefault()
                .requiredBytes("raw")
                .endRecord();
        GenericRecord after = new GenericData.Record(row);
        after.put("id", 42L);
        after.put("status", null);
        after.put(
                "total",
                new Conversions.DecimalConversion().toBytes(new BigDecimal("1234.50"), money, money.getLogicalType()));
        GenericRecord event = new GenericData.Record(envelope);
        event.put("before", null);
        event.put("after", after);
        event.put("op", "c");
        event.put("tags", List.of("a", "b"));
        event.put("attributes", Map.of("n", 1));
        event.put("raw", ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8)));

        assertThat(JSON.writeValueAsString(AvroJson.toJson(event)))
                .isEqualTo("{\"before\":null,\"after\":{\"id\":42,\"status\":null,\"total\":1234.50},\"op\":\"c\","
                        + "\"tags\":[\"a\",\"b\"],\"attributes\":{\"n\":1},\"raw\":\"aGk=\"}");
    }

    @Test
    void payloadsThatAreNotAvroAreTextOrBase64() {
        assertThat(RecordDecoder.payload("{\"a\":1}".getBytes(StandardCharsets.UTF_8))
                        .asText())
                .isEqualTo("{\"a\":1}");
        assertThat(RecordDecoder.payload(new byte[] {8, (byte) 0xff, 1}).asText())
                .isEqualTo("base64:CP8B");
        assertThat(RecordDecoder.payload(null).isNull()).isTrue();
        assertThat(RecordDecoder.isFramedAvro(new byte[] {0, 0, 0, 0, 7, 2})).isTrue();
        assertThat(RecordDecoder.isFramedAvro("42".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }
}
