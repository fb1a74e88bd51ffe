package dev.storefront.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SqlValuesTest {

    @Test
    void instantsCompareWhateverPathBroughtThem() {
        Instant instant = Instant.parse("2026-01-05T10:15:30.123456Z");

        assertThat(SqlValues.text(Timestamp.from(instant))).isEqualTo(instant.toString());
        assertThat(SqlValues.text(OffsetDateTime.parse("2026-01-05T11:15:30.123456+01:00")))
                .isEqualTo(instant.toString());
        // Debezium's ZonedTimestamp text, as a sink may store it.
        assertThat(SqlValues.text("2026-01-05T10:15:30.123456Z")).isEqualTo(instant.toString());
    }

    @Test
    void decimalsAndIntegersCompareByValue() {
        assertThat(SqlValues.text(new BigDecimal("12.50"))).isEqualTo(SqlValues.text(new BigDecimal("12.5")));
        assertThat(SqlValues.text(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(SqlValues.text(42)).isEqualTo(SqlValues.text(42L)).isEqualTo("42");
        assertThat(SqlValues.text("France")).isEqualTo("France");
        assertThat(SqlValues.text(null)).isNull();
    }

    @Test
    void moneyHasTwoDecimalsAndNeverRounds() {
        assertThat(SqlValues.money(new BigDecimal("7.5"))).isEqualTo(new BigDecimal("7.50"));
        assertThatThrownBy(() -> SqlValues.money(new BigDecimal("7.505"))).isInstanceOf(ArithmeticException.class);
    }
}
