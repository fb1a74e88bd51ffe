package dev.storefront.console.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One Kafka record as one JSON document: where it is (topic, partition, offset, timestamp), its key and value decoded,
 * the registry's schema id of each, and its headers. Avro in the Confluent framing (magic byte 0, a 4-byte schema id,
 * the datum) is decoded with the writer's schema from the registry; anything else is shown as UTF-8 text, or as
 * base64 when it is not text (the Protobuf facts).
 */
public final class RecordDecoder {

    /** The Confluent framing: magic byte, 4-byte schema id (content id here, as the converters write it). */
    private static final byte MAGIC = 0;

    private static final int FRAMING = 5;

    private final Deserializer<? extends GenericContainer> keys;
    private final Deserializer<? extends GenericContainer> values;

    /** @param keys, values the registry's Avro deserializers for keys and for values */
    public RecordDecoder(
            Deserializer<? extends GenericContainer> keys, Deserializer<? extends GenericContainer> values) {
        this.keys = keys;
        this.values = values;
    }

    public ObjectNode decode(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("topic", record.topic());
        document.put("partition", record.partition());
        document.put("offset", record.offset());
        document.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        part(document, "key", record, record.key(), keys);
        part(document, "value", record, record.value(), values);
        ObjectNode headers = document.putObject("headers");
        for (Header header : record.headers()) {
            headers.set(header.key(), payload(header.value()));
        }
        return document;
    }

    private static void part(
            ObjectNode document,
            String name,
            ConsumerRecord<byte[], byte[]> record,
            byte[] bytes,
            Deserializer<? extends GenericContainer> avro) {
        if (isFramedAvro(bytes)) {
            document.put(name + "SchemaId", ByteBuffer.wrap(bytes, 1, 4).getInt());
            GenericContainer datum = avro.deserialize(record.topic(), record.headers(), bytes);
            document.set(name, datum == null ? JsonNodeFactory.instance.nullNode() : AvroJson.toJson(datum));
        } else {
            document.set(name, payload(bytes));
        }
    }

    static boolean isFramedAvro(byte[] bytes) {
        return bytes != null && bytes.length > FRAMING && bytes[0] == MAGIC;
    }

    /** Text when the bytes are UTF-8 text, else base64; null stays null (a tombstone). */
    static JsonNode payload(byte[] bytes) {
        if (bytes == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.chars().noneMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
                return JsonNodeFactory.instance.textNode(text);
            }
        } catch (CharacterCodingException notText) {
            // base64 below
        }
        return JsonNodeFactory.instance.textNode("base64:" + Base64.getEncoder().encodeToString(bytes));
    }
}
