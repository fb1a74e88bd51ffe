package dev.storefront.seeder.deltas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeltaOperationTest {

    @Test
    void weightsCoverPercentilesExactly() {
        Map<DeltaOperation, Integer> shares = new EnumMap<>(DeltaOperation.class);
        for (int percentile = 0; percentile < 100; percentile++) {
            shares.merge(DeltaOperation.forPercentile(percentile), 1, Integer::sum);
        }

        assertThat(shares)
                .containsEntry(DeltaOperation.NEW_ORDER, 30)
                .containsEntry(DeltaOperation.ORDER_STATUS, 20)
                .containsEntry(DeltaOperation.APPLY_COUPON, 5)
                .containsEntry(DeltaOperation.PAYMENT_STATUS, 15)
                .containsEntry(DeltaOperation.PRODUCT_CHANGE, 10)
                .containsEntry(DeltaOperation.CUSTOMER_ADDRESS, 10)
                .containsEntry(DeltaOperation.DELETE_CANCELLED_ORDER, 10);
        assertThatThrownBy(() -> DeltaOperation.forPercentile(100)).isInstanceOf(IllegalArgumentException.class);
    }
}
