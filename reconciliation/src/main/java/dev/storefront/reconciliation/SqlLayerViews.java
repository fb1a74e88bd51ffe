package dev.storefront.reconciliation;

import dev.storefront.pipeline.analytics.Group;
import dev.storefront.pipeline.cdc.AvroFields;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * The SQL layer's outputs (Avro records whose schemas Flink derived from the sink tables) in the comparable forms of
 * the Streams pipeline's: the same checks then apply. Lines are sorted, as ARRAY_AGG keeps no order.
 */
final class SqlLayerViews {

    private SqlLayerViews() {}

    static Map<Group, RevenueCheck.Totals> revenue(Map<GenericRecord, GenericRecord> latest) {
        Map<Group, RevenueCheck.Totals> groups = new LinkedHashMap<>();
        latest.forEach((key, value) -> groups.put(
                new Group(AvroFields.string(key, "category"), AvroFields.string(key, "country")),
                new RevenueCheck.Totals(
                        AvroFields.decimal(value, "revenue"), AvroFields.longValue(value, "order_count"))));
        return groups;
    }

    /** A fact of the SQL job: no coupon code (the job does not read it), timestamps from Debezium's ISO text. */
    @SuppressWarnings("unchecked")
    static FactView fact(GenericRecord fact) {
        List<GenericRecord> items = fact.get("items") == null ? List.of() : (List<GenericRecord>) fact.get("items");
        return new FactView(
                AvroFields.longValue(fact, "order_id"),
                AvroFields.string(fact, "status"),
                AvroFields.decimal(fact, "total"),
                AvroFields.intValue(fact, "item_count"),
                AvroFields.longValue(fact, "customer_id"),
                AvroFields.string(fact, "customer_name"),
                AvroFields.string(fact, "customer_email"),
                AvroFields.string(fact, "customer_country"),
                items.stream()
                        .map(item -> new FactView.Item(
                                AvroFields.longValue(item, "item_id"),
                                AvroFields.longValue(item, "product_id"),
                                AvroFields.string(item, "product_name"),
                                AvroFields.string(item, "category"),
                                AvroFields.intValue(item, "quantity"),
                                AvroFields.decimal(item, "price")))
                        .sorted(Comparator.comparingLong(FactView.Item::itemId))
                        .toList(),
                instant(AvroFields.string(fact, "created_at")),
                instant(AvroFields.string(fact, "updated_at")),
                null);
    }

    /** What PostgreSQL says of the same order, as the SQL job can know it (it does not read the coupon code). */
    static FactView withoutCouponCode(FactView expected) {
        return new FactView(
                expected.orderId(),
                expected.status(),
                expected.total(),
                expected.itemCount(),
                expected.customerId(),
                expected.customerName(),
                expected.customerEmail(),
                expected.customerCountry(),
                expected.items(),
                expected.createdAt(),
                expected.updatedAt(),
                null);
    }

    @SuppressWarnings("unchecked")
    static OrderOutputCheck.Emitted orderOutput(GenericRecord order) {
        return sortedLines(new OrderOutputCheck.Emitted(
                AvroFields.longValue(order, "order_id"),
                AvroFields.string(order, "client_name"),
                AvroFields.string(order, "client_email"),
                AvroFields.string(order, "client_country"),
                ((List<GenericRecord>) order.get("items"))
                        .stream()
                                .map(item -> new OrderOutputCheck.Line(
                                        AvroFields.longValue(item, "product_id"),
                                        AvroFields.string(item, "name"),
                                        AvroFields.string(item, "category"),
                                        AvroFields.intValue(item, "quantity"),
                                        AvroFields.decimal(item, "price")))
                                .toList(),
                AvroFields.decimal(order, "total")));
    }

    /** The order's lines by product, then name: the order both sides are compared in. */
    static OrderOutputCheck.Emitted sortedLines(OrderOutputCheck.Emitted order) {
        return new OrderOutputCheck.Emitted(
                order.orderId(),
                order.clientName(),
                order.clientEmail(),
                order.clientCountry(),
                order.items().stream()
                        .sorted(Comparator.comparingLong(OrderOutputCheck.Line::productId)
                                .thenComparing(OrderOutputCheck.Line::name))
                        .toList(),
                order.total());
    }

    private static Instant instant(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }
}
