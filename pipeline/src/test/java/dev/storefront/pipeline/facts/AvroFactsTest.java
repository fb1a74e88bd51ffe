package dev.storefront.pipeline.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.pipeline.cdc.CustomerRow;
import dev.storefront.pipeline.cdc.OrderRow;
import dev.storefront.pipeline.cdc.SourcePosition;
import dev.storefront.pipeline.enrich.CustomerOrder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvroFactsTest {

    private static final CustomerOrder ORDER = new CustomerOrder(
            new OrderRow(100, 1, "pending", new BigDecimal("65.00"), 0, 0, null, new SourcePosition(300, 3_000)),
            new CustomerRow(1, "Alice Martin", "a@example.com", "France", new SourcePosition(200, 2_000)));

    @Test
    void aLaterCauseIsTheFactsPositionAnEarlierOneIsNot() {
        assertThat(AvroFacts.fact(ORDER, List.of(), new SourcePosition(400, 4_000))
                        .getSourceLsn())
                .isEqualTo(400);
        assertThat(AvroFacts.fact(ORDER, List.of(), new SourcePosition(250, 2_500))
                        .getSourceLsn())
                .isEqualTo(300);
    }

    @Test
    void aChangeRepartitionedBeforeChangesCarriedTheirPositionLeavesTheRows() {
        assertThat(AvroFacts.fact(ORDER, List.of(), null).getSourceLsn()).isEqualTo(300);
    }
}
