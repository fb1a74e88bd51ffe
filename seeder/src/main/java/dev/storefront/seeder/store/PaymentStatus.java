package dev.storefront.seeder.store;

import java.util.Locale;

/** payments.status: a payment is pending until it is paid or fails. */
public enum PaymentStatus {
    PAID,
    PENDING,
    FAILED;

    /** The value stored in PostgreSQL (the CHECK constraint of migrations/sql/V1). */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
