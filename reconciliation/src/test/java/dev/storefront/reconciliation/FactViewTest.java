package dev.storefront.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.avro.OrderFactItem;
import dev.storefront.pipeline.facts.ProtoFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactViewTest {

    private final OrderFact fact = new OrderFact(
            100L,
            "shipped",
            new BigDecimal("65.00"),
            1,
            1L,
            "Alice",
            "a@example.com",
            "France",
            List.of(new OrderFactItem(1000L, 10L, "Mug", "Kitchen", 2, new BigDecimal("32.50"))),
            Instant.parse("2026-01-05T10:15:30.123456Z"),
            Instant.parse("2026-01-06T08:00:00.5Z"),
            99L,
            Instant.ofEpochMilli(1_767_600_000_000L),
            "SAVE10");

    @Test
    void theAvroAndProtobufFactsReduceToTheSameView() {
        assertThat(FactsCheck.view(ProtoFacts.of(fact))).isEqualTo(FactsCheck.view(fact));
        OrderFact withoutCoupon = OrderFact.newBuilder(fact).setCouponCode(null).build();
        assertThat(FactsCheck.view(ProtoFacts.of(withoutCoupon)).couponCode()).isNull();
        assertThat(FactsCheck.view(withoutCoupon)).isNotEqualTo(FactsCheck.view(fact));
    }

    @Test
    void theViewIgnoresTheSourcePositionButNotTheContent() {
        OrderFact later = OrderFact.newBuilder(fact).setSourceLsn(500L).build();
        OrderFact moved = OrderFact.newBuilder(fact).setCustomerCountry("Spain").build();

        assertThat(FactsCheck.view(later)).isEqualTo(FactsCheck.view(fact));
        assertThat(FactsCheck.view(moved)).isNotEqualTo(FactsCheck.view(fact));
    }

    @Test
    void amountsCompareWithTwoDecimals() {
        FactView sqlSide = new FactView(
                100L,
                "shipped",
                new BigDecimal("65.0"),
                1,
                1L,
                "Alice",
                "a@example.com",
                "France",
                List.of(new FactView.Item(1000L, 10L, "Mug", "Kitchen", 2, new BigDecimal("32.5"))),
                Instant.parse("2026-01-05T10:15:30.123456Z"),
                Instant.parse("2026-01-06T08:00:00.5Z"),
                "SAVE10");

        assertThat(sqlSide).isEqualTo(FactsCheck.view(fact));
    }
}
