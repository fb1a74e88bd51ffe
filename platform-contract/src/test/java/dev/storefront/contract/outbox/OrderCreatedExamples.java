package dev.storefront.contract.outbox;

import java.math.BigDecimal;
import java.util.List;

/** Messages as the seeder writes them, for the tests of every reader (in the contract's test jar). */
public final class OrderCreatedExamples {

    /** Alice (France) orders 2 mugs (Kitchen, 19.99) and a lamp (Home, 40.10): order 100, 80.08 in all. */
    public static final OrderCreated ORDER_100 = OrderCreated.of(
            100,
            new OrderCreated.Customer(1, "Alice Martin", "alice@example.com", "France"),
            List.of(
                    new OrderCreated.Item(10, "Mug", "Kitchen", 2, new BigDecimal("19.99")),
                    new OrderCreated.Item(11, "Lamp", "Home", 1, new BigDecimal("40.10"))),
            new BigDecimal("80.08"),
            "pending",
            "2026-01-05T10:15:30.123456Z");

    private OrderCreatedExamples() {}
}
