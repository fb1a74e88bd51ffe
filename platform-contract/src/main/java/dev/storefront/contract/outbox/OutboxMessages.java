package dev.storefront.contract.outbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the outbox messages ({@link OrderCreated}) as JSON. The reader is strict: every field must be
 * there with its type, the type and version must be ones it knows, and each problem is named by its path
 * ({@code items[2].price}), so a consumer can dead-letter the message with a useful reason.
 */
public final class OutboxMessages {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private OutboxMessages() {}

    /** The message's JSON, UTF-8. */
    public static String write(OrderCreated message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the outbox message of order " + message.orderId(), e);
        }
    }

    /** The message in {@code content} (UTF-8 JSON), or why it is none this reader knows. */
    public static OrderCreated read(byte[] content) throws OutboxMessageException {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new OutboxMessageException("content is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new OutboxMessageException("content is unreadable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new OutboxMessageException(
                    "content is JSON but not an object: " + new String(content, StandardCharsets.UTF_8));
        }
        String type = text(root, "type", "");
        if (!OrderCreated.TYPE.equals(type)) {
            throw new OutboxMessageException(
                    "unknown message type '" + type + "' (this reader knows " + OrderCreated.TYPE + ")");
        }
        long version = integer(root, "version", "");
        if (version != OrderCreated.VERSION) {
            throw new OutboxMessageException("unsupported version " + version + " of " + OrderCreated.TYPE
                    + " (this reader reads version " + OrderCreated.VERSION + ")");
        }
        JsonNode customer = object(root, "customer");
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            throw new OutboxMessageException("missing field items (an array)");
        }
        if (items.isEmpty()) {
            throw new OutboxMessageException("items is empty: an order has at least one item");
        }
        List<OrderCreated.Item> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            lines.add(item(items.get(i), "items[" + i + "]"));
        }
        return new OrderCreated(
                type,
                (int) version,
                integer(root, "order_id", ""),
                new OrderCreated.Customer(
                        integer(customer, "id", "customer."),
                        text(customer, "full_name", "customer."),
                        text(customer, "email", "customer."),
                        text(customer, "country", "customer.")),
                lines,
                amount(root, "total", ""),
                text(root, "status", ""),
                text(root, "created_at", ""));
    }

    private static OrderCreated.Item item(JsonNode item, String path) throws OutboxMessageException {
        if (!item.isObject()) {
            throw new OutboxMessageException(path + " is not an object");
        }
        long quantity = integer(item, "quantity", path + ".");
        if (quantity < 1 || quantity > Integer.MAX_VALUE) {
            throw new OutboxMessageException(path + ".quantity must be a positive integer, got " + quantity);
        }
        return new OrderCreated.Item(
                integer(item, "product_id", path + "."),
                text(item, "name", path + "."),
                text(item, "category", path + "."),
                (int) quantity,
                amount(item, "price", path + "."));
    }

    private static JsonNode object(JsonNode parent, String field) throws OutboxMessageException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new OutboxMessageException("missing field " + field + " (an object)");
        }
        return node;
    }

    private static String text(JsonNode parent, String field, String path) throws OutboxMessageException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw new OutboxMessageException("missing field " + path + field + " (a string)");
        }
        return node.textValue();
    }

    private static long integer(JsonNode parent, String field, String path) throws OutboxMessageException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new OutboxMessageException("missing field " + path + field + " (an integer)");
        }
        return node.longValue();
    }

    private static BigDecimal amount(JsonNode parent, String field, String path) throws OutboxMessageException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isNumber()) {
            throw new OutboxMessageException("missing field " + path + field + " (a number)");
        }
        try {
            return node.decimalValue().setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new OutboxMessageException(path + field + " has more than 2 decimals: " + node.asText());
        }
    }
}
