package dev.storefront.pipeline.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.pipeline.avro.OrderOutput;
import dev.storefront.pipeline.avro.OrderOutputItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the seeder's order JSON: {@code order_id, customer {id, full_name, email, country},
 * items [{product_id, name, category, quantity, price}], total, status, created_at}. Every field the output
 * needs must be present with its type; amounts are read exactly (the parser keeps decimals as BigDecimal).
 */
final class OrderJson {

    private OrderJson() {
    }

    static OrderOutput toOutput(JsonNode root) throws MalformedMessageException {
        if (!root.isObject()) {
            throw new MalformedMessageException("content is JSON but not an object");
        }
        JsonNode customer = object(root, "customer");
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            throw new MalformedMessageException("missing field items (an array)");
        }
        if (items.isEmpty()) {
            throw new MalformedMessageException("items is empty: an order has at least one item");
        }
        List<OrderOutputItem> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            lines.add(item(items.get(i), "items[" + i + "]"));
        }
        return OrderOutput.newBuilder()
                .setOrderId(integer(root, "order_id", ""))
                .setClientName(text(customer, "full_name", "customer."))
                .setClientEmail(text(customer, "email", "customer."))
                .setClientCountry(text(customer, "country", "customer."))
                .setItems(lines)
                .setTotal(amount(root, "total", ""))
                .build();
    }

    private static OrderOutputItem item(JsonNode item, String path) throws MalformedMessageException {
        if (!item.isObject()) {
            throw new MalformedMessageException(path + " is not an object");
        }
        long quantity = integer(item, "quantity", path + ".");
        if (quantity < 1 || quantity > Integer.MAX_VALUE) {
            throw new MalformedMessageException(path + ".quantity must be a positive integer, got " + quantity);
        }
        return OrderOutputItem.newBuilder()
                .setProductId(integer(item, "product_id", path + "."))
                .setName(text(item, "name", path + "."))
                .setCategory(text(item, "category", path + "."))
                .setQuantity((int) quantity)
                .setPrice(amount(item, "price", path + "."))
                .build();
    }

    private static JsonNode object(JsonNode parent, String field) throws MalformedMessageException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new MalformedMessageException("missing field " + field + " (an object)");
        }
        return node;
    }

    private static String text(JsonNode parent, String field, String path) throws MalformedMessageException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw new MalformedMessageException("missing field " + path + field + " (a string)");
        }
        return node.textValue();
    }

    private static long integer(JsonNode parent, String field, String path) throws MalformedMessageException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new MalformedMessageException("missing field " + path + field + " (an integer)");
        }
        return node.longValue();
    }

    private static BigDecimal amount(JsonNode parent, String field, String path) throws MalformedMessageException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isNumber()) {
            throw new MalformedMessageException("missing field " + path + field + " (a number)");
        }
        try {
            return node.decimalValue().setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new MalformedMessageException(path + field + " has more than 2 decimals: " + node.asText());
        }
    }
}
