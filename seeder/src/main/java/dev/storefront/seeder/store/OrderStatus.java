package dev.storefront.seeder.store;

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
}
