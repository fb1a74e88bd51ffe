package dev.storefront.seeder.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** orders.status: an order moves pending → shipped → delivered, or pending → cancelled. */
public enum OrderStatus {
    PENDING,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    /** The value stored in PostgreSQL (the CHECK constraint of migrations/sql/V1). */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<OrderStatus, String> {
        @Override
        public String convertToDatabaseColumn(OrderStatus status) {
            return status == null ? null : status.dbValue();
        }

        @Override
        public OrderStatus convertToEntityAttribute(String value) {
            return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
