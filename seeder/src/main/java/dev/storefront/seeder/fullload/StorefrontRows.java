package dev.storefront.seeder.fullload;

import dev.storefront.seeder.fakedata.FakePools;
import dev.storefront.seeder.store.OrderStatus;
import dev.storefront.seeder.store.PaymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the rows of a full load. Every row draws from its own random stream keyed by (seed, table,
 * position), so a row does not depend on the batch size or on the rows before it, and a product's price
 * can be recomputed when an order item needs it instead of being kept in memory.
 */
final class StorefrontRows {

    private static final long CUSTOMER_STREAM = 0x1L;
    private static final long PRODUCT_STREAM = 0x2L;
    private static final long ORDER_STREAM = 0x3L;
    private static final long MAX_AGE_MS = Duration.ofDays(365).toMillis();
    /** Orders are at least this old, so that their payment (a few minutes later) is not in the future. */
    private static final long MIN_ORDER_AGE_MS = Duration.ofHours(1).toMillis();

    private static final int MAX_ITEMS = 4;
    private static final int MAX_QUANTITY = 5;

    private final long seed;
    private final Instant anchor;
    private final FakePools pools;
    private final long customerCount;
    private final long productCount;

    /**
     * @param anchor every timestamp lies before it: a fixed date when the load is seeded (reproducible),
     *               otherwise the load's start
     */
    StorefrontRows(long seed, Instant anchor, FakePools pools, long customerCount, long productCount) {
        this.seed = seed;
        this.anchor = anchor;
        this.pools = pools;
        this.customerCount = customerCount;
        this.productCount = productCount;
    }

    void writeCustomer(long index, long id, CopyBuffer out) {
        SplittableRandom random = stream(CUSTOMER_STREAM, index);
        FakePools.Person person = pools.person(random, id);
        FakePools.Place place = pools.place(random);
        Instant createdAt = past(random, MAX_AGE_MS);
        out.number(id)
                .text(person.fullName())
                .text(person.email())
                .text(pools.streetAddress(random))
                .text(place.city())
                .text(place.country())
                .timestamp(createdAt)
                .timestamp(createdAt);
        out.endRow();
    }

    void writeProduct(long index, long id, CopyBuffer out) {
        SplittableRandom random = stream(PRODUCT_STREAM, index);
        long priceCents = drawPriceCents(random);
        int stock = random.nextInt(1000);
        Instant createdAt = past(random, MAX_AGE_MS);
        out.number(id)
                .text(pools.productName(random))
                .text(pools.category(random))
                .money(priceCents)
                .number(stock)
                .timestamp(createdAt)
                .timestamp(createdAt);
        out.endRow();
    }

    /** The price of the load's {@code index}-th product, the same as {@link #writeProduct} wrote. */
    long productPriceCents(long index) {
        return drawPriceCents(stream(PRODUCT_STREAM, index));
    }

    OrderRow order(long index) {
        SplittableRandom random = stream(ORDER_STREAM, index);
        long customerIndex = random.nextLong(customerCount);
        int itemCount = 1 + random.nextInt((int) Math.min(MAX_ITEMS, productCount));
        List<OrderRow.Item> items = new ArrayList<>(itemCount);
        while (items.size() < itemCount) {
            long productIndex = random.nextLong(productCount);
            if (items.stream().noneMatch(item -> item.productIndex() == productIndex)) {
                items.add(new OrderRow.Item(
                        productIndex, 1 + random.nextInt(MAX_QUANTITY), productPriceCents(productIndex)));
            }
        }
        OrderStatus status = drawStatus(random.nextInt(100));
        Instant createdAt = anchor.minusMillis(MIN_ORDER_AGE_MS + random.nextLong(MAX_AGE_MS / 2));
        String paymentMethod = pools.paymentMethod(random);
        PaymentStatus paymentStatus = switch (status) {
            case SHIPPED, DELIVERED -> PaymentStatus.PAID;
            case PENDING -> PaymentStatus.PENDING;
            case CANCELLED -> PaymentStatus.FAILED;
        };
        Instant paidAt = paymentStatus == PaymentStatus.PAID ? createdAt.plusSeconds(1 + random.nextInt(600)) : null;
        return new OrderRow(customerIndex, List.copyOf(items), status, createdAt, paymentMethod, paymentStatus, paidAt);
    }

    /** An order as rows of orders, order_items and payments, with ids allocated for each. */
    void writeOrder(
            OrderRow order,
            long id,
            IdCursor itemIds,
            long paymentId,
            AllocatedIds customerIds,
            AllocatedIds productIds,
            CopyBatch batch) {
        long total = order.totalCents();
        CopyBuffer orders = batch.rows(CopyTable.ORDERS);
        orders.number(id)
                .number(customerIds.idAt(order.customerIndex()))
                .text(order.status().dbValue())
                .money(total)
                .timestamp(order.createdAt())
                .timestamp(order.createdAt());
        orders.endRow();
        CopyBuffer items = batch.rows(CopyTable.ORDER_ITEMS);
        for (OrderRow.Item item : order.items()) {
            items.number(itemIds.next())
                    .number(id)
                    .number(productIds.idAt(item.productIndex()))
                    .number(item.quantity())
                    .money(item.priceCents());
            items.endRow();
        }
        CopyBuffer payments = batch.rows(CopyTable.PAYMENTS);
        payments.number(paymentId)
                .number(id)
                .text(order.paymentMethod())
                .money(total)
                .text(order.paymentStatus().dbValue())
                .timestamp(order.paidAt())
                .timestamp(order.paymentUpdatedAt());
        payments.endRow();
    }

    private SplittableRandom stream(long table, long index) {
        // Distinct odd multipliers keep (seed, table, index) keys apart; SplittableRandom mixes the rest.
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + table * 0xC2B2AE3D27D4EB4FL + index);
    }

    private Instant past(SplittableRandom random, long maxAgeMs) {
        return anchor.minusMillis(random.nextLong(maxAgeMs));
    }

    private static long drawPriceCents(SplittableRandom random) {
        return 100 + random.nextLong(99_900);
    }

    /** Half delivered, a fifth each shipped and pending, a tenth cancelled. */
    private static OrderStatus drawStatus(int percent) {
        if (percent < 50) {
            return OrderStatus.DELIVERED;
        }
        if (percent < 70) {
            return OrderStatus.SHIPPED;
        }
        if (percent < 90) {
            return OrderStatus.PENDING;
        }
        return OrderStatus.CANCELLED;
    }
}
