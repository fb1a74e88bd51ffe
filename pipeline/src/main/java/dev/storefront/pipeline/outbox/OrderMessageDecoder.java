package dev.storefront.pipeline.outbox;

import dev.storefront.contract.outbox.OrderCreated;
import dev.storefront.contract.outbox.OutboxMessageException;
import dev.storefront.contract.outbox.OutboxMessages;
import dev.storefront.pipeline.avro.OrderOutput;
import dev.storefront.pipeline.avro.OrderOutputItem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.GenericRecord;

/**
 * Decodes Debezium's logical decoding message events ({@code {op: "m", source {lsn, txId, ts_ms},
 * message {prefix, content: bytes}}}) whose content is the seeder's outbox message, read through the contract both
 * share ({@link OutboxMessages}; a version this pipeline does not read is rejected like any malformed message). Never throws: whatever is wrong
 * with a message (wrong prefix, not JSON, a missing field) becomes a {@link Decoded.Rejected} with the reason.
 */
public final class OrderMessageDecoder {

    private final String expectedPrefix;

    public OrderMessageDecoder(String expectedPrefix) {
        this.expectedPrefix = expectedPrefix;
    }

    public Decoded decode(GenericRecord event) {
        Raw raw = Raw.of(event);
        try {
            if (!"m".equals(raw.op)) {
                throw new MalformedMessageException("not a logical decoding message (op " + raw.op + ")");
            }
            if (!expectedPrefix.equals(raw.prefix)) {
                throw new MalformedMessageException(
                        "unexpected prefix '" + raw.prefix + "' (the outbox's is '" + expectedPrefix + "')");
            }
            if (raw.content == null) {
                throw new MalformedMessageException("the message has no content");
            }
            return new Decoded.Accepted(toOutput(OutboxMessages.read(raw.content)));
        } catch (MalformedMessageException | OutboxMessageException e) {
            return new Decoded.Rejected(new DeadLetter(
                    e.getMessage(),
                    raw.prefix,
                    raw.lsn,
                    raw.txId,
                    raw.tsMs,
                    raw.content == null ? null : new String(raw.content, StandardCharsets.UTF_8)));
        }
    }

    private static OrderOutput toOutput(OrderCreated order) {
        return OrderOutput.newBuilder()
                .setOrderId(order.orderId())
                .setClientName(order.customer().fullName())
                .setClientEmail(order.customer().email())
                .setClientCountry(order.customer().country())
                .setItems(order.items().stream()
                        .map(item -> OrderOutputItem.newBuilder()
                                .setProductId(item.productId())
                                .setName(item.name())
                                .setCategory(item.category())
                                .setQuantity(item.quantity())
                                .setPrice(item.price())
                                .build())
                        .toList())
                .setTotal(order.total())
                .build();
    }

    /** The parts of the event, each null when absent, read without assuming the event is well formed. */
    private record Raw(String op, String prefix, byte[] content, Long lsn, Long txId, Long tsMs) {

        static Raw of(GenericRecord event) {
            GenericRecord message = record(event, "message");
            GenericRecord source = record(event, "source");
            return new Raw(
                    text(event, "op"),
                    text(message, "prefix"),
                    bytes(message == null ? null : field(message, "content")),
                    number(source, "lsn"),
                    number(source, "txId"),
                    number(source, "ts_ms"));
        }

        private static Object field(GenericRecord record, String name) {
            return record != null && record.hasField(name) ? record.get(name) : null;
        }

        private static GenericRecord record(GenericRecord record, String name) {
            return field(record, name) instanceof GenericRecord nested ? nested : null;
        }

        private static String text(GenericRecord record, String name) {
            Object value = field(record, name);
            return value == null ? null : value.toString();
        }

        private static Long number(GenericRecord record, String name) {
            return field(record, name) instanceof Number number ? number.longValue() : null;
        }

        private static byte[] bytes(Object value) {
            if (value instanceof ByteBuffer buffer) {
                ByteBuffer copy = buffer.duplicate();
                byte[] bytes = new byte[copy.remaining()];
                copy.get(bytes);
                return bytes;
            }
            return value instanceof byte[] bytes ? bytes : null;
        }
    }
}
