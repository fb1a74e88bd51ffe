package dev.storefront.seeder.fullload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.seeder.fakedata.FakePools;
import dev.storefront.seeder.store.OrderStatus;
import dev.storefront.seeder.store.PaymentStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StorefrontRowsTest {

    private static final Instant ANCHOR = Instant.parse("2025-01-01T00:00:00Z");
    private static FakePools pools;

    @BeforeAll
    static void pools() {
        pools = FakePools.fromSeed(3);
    }

    @Test
    void ordersHaveOneToFourDistinctProductsAtTheirPrice() {
        StorefrontRows rows = new StorefrontRows(3, ANCHOR, pools, 50, 20);
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        for (long index = 0; index < 2000; index++) {
            OrderRow order = rows.order(index);
            statuses.add(order.status());
            assertThat(order.items()).hasSizeBetween(1, 4);
            assertThat(order.items().stream().map(OrderRow.Item::productIndex).collect(Collectors.toSet()))
                    .hasSameSizeAs(order.items());
            order.items().forEach(item -> {
                assertThat(item.priceCents()).isEqualTo(rows.productPriceCents(item.productIndex()));
                assertThat(item.quantity()).isBetween(1, 5);
                assertThat(item.productIndex()).isBetween(0L, 19L);
            });
            assertThat(order.totalCents())
                    .isEqualTo(order.items().stream()
                            .mapToLong(item -> item.quantity() * item.priceCents())
                            .sum());
            assertThat(order.customerIndex()).isBetween(0L, 49L);
            assertThat(order.paidAt() != null).isEqualTo(order.paymentStatus() == PaymentStatus.PAID);
            assertThat(order.createdAt()).isBefore(ANCHOR);
            if (order.paidAt() != null) {
                assertThat(order.paidAt()).isAfter(order.createdAt()).isBefore(ANCHOR);
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(OrderStatus.values());
    }

    @Test
    void aSingleProductStillMakesOrders() {
        OrderRow order = new StorefrontRows(3, ANCHOR, pools, 1, 1).order(0);

        assertThat(order.items()).hasSize(1);
    }

    @Test
    void rowsDependOnlyOnSeedAndPosition() {
        StorefrontRows rows = new StorefrontRows(9, ANCHOR, pools, 100, 30);
        StorefrontRows same = new StorefrontRows(9, ANCHOR, pools, 100, 30);
        StorefrontRows other = new StorefrontRows(10, ANCHOR, pools, 100, 30);

        assertThat(customer(same, 41, 7)).isEqualTo(customer(rows, 41, 7));
        assertThat(same.order(12)).isEqualTo(rows.order(12));
        assertThat(other.order(12)).isNotEqualTo(rows.order(12));
        assertThat(customer(other, 41, 7)).isNotEqualTo(customer(rows, 41, 7));
    }

    @Test
    void emailsCarryTheCustomerId() {
        assertThat(customer(new StorefrontRows(9, ANCHOR, pools, 100, 30), 0, 12345))
                .matches("(?s)12345\t[^\t]+\t[a-z0-9]+\\.[a-z0-9]+\\.12345@[^\t]+\t.*");
    }

    private static String customer(StorefrontRows rows, long index, long id) {
        CopyBuffer buffer = new CopyBuffer();
        rows.writeCustomer(index, id, buffer);
        return buffer.contents();
    }
}
