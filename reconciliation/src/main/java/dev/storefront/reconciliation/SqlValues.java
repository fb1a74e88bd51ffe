package dev.storefront.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Puts values read through different paths (source table, sink table, topic) in one comparable form. */
final class SqlValues {

    private SqlValues() {}

    /** Amounts compare with two decimals, whatever scale a column or schema gave them. */
    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * A column value as text: instants in ISO-8601 UTC (whether a timestamptz or Debezium's ISO text),
     * decimals without trailing zeros, integers without a type.
     */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant().toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number number) {
            return Long.toString(number.longValue());
        }
        String text = value.toString();
        Instant instant = instantOrNull(text);
        return instant == null ? text : instant.toString();
    }

    private static Instant instantOrNull(String text) {
        if (text.length() < 20 || !Character.isDigit(text.charAt(0)) || text.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
