package dev.storefront.seeder.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
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

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<PaymentStatus, String> {
        @Override
        public String convertToDatabaseColumn(PaymentStatus status) {
            return status == null ? null : status.dbValue();
        }

        @Override
        public PaymentStatus convertToEntityAttribute(String value) {
            return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
