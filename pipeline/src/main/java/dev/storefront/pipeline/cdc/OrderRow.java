package dev.storefront.pipeline.cdc;

import dev.storefront.contract.StorefrontTables;
import java.math.BigDecimal;
import org.apache.avro.generic.GenericRecord;

/**
 * An orders row; timestamps in microseconds since the epoch (PostgreSQL's precision). The coupon code is null until the
 * schema evolution scenario add-coupon-code added the column, and for orders without one.
 */
public record OrderRow(
        long id,
        long customerId,
        String status,
        BigDecimal total,
        long createdAtMicros,
        long updatedAtMicros,
        String couponCode,
        SourcePosition position) {

    public static final String CANCELLED = "cancelled";

    static OrderRow of(GenericRecord row, SourcePosition position) {
        return new OrderRow(
                AvroFields.longValue(row, "id"),
                AvroFields.longValue(row, "customer_id"),
                AvroFields.string(row, "status"),
                AvroFields.decimal(row, "total"),
                AvroFields.timestampMicros(row, "created_at"),
                AvroFields.timestampMicros(row, "updated_at"),
                AvroFields.optionalString(row, StorefrontTables.ORDERS_COUPON_CODE),
                position);
    }
}
