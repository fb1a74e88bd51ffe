package dev.storefront.pipeline.cdc;

import java.math.BigDecimal;
import org.apache.avro.generic.GenericRecord;

/** An order_items row. */
public record ItemRow(
        long id, long orderId, long productId, int quantity, BigDecimal priceAtPurchase, SourcePosition position) {

    static ItemRow of(GenericRecord row, SourcePosition position) {
        return new ItemRow(
                AvroFields.longValue(row, "id"),
                AvroFields.longValue(row, "order_id"),
                AvroFields.longValue(row, "product_id"),
                AvroFields.intValue(row, "quantity"),
                AvroFields.decimal(row, "price_at_purchase"),
                position);
    }
}
