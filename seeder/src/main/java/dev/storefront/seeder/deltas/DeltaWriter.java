package dev.storefront.seeder.deltas;

import dev.storefront.contract.StorefrontTables;
import dev.storefront.contract.outbox.OrderCreated;
import dev.storefront.contract.outbox.OutboxMessages;
import dev.storefront.seeder.fakedata.FakePools;
import dev.storefront.seeder.store.Customer;
import dev.storefront.seeder.store.Order;
import dev.storefront.seeder.store.OrderItem;
import dev.storefront.seeder.store.OrderStatus;
import dev.storefront.seeder.store.Payment;
import dev.storefront.seeder.store.PaymentStatus;
import dev.storefront.seeder.store.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * The changes a shop makes, written through the ORM as the shop application would: one transaction per
 * tick holds all the operations due in it.
 */
@ApplicationScoped
public class DeltaWriter {

    private static final int MAX_ITEMS = 4;
    private static final int MAX_QUANTITY = 5;
    /** numeric(10, 2) holds at most 99,999,999.99; prices stay far below. */
    private static final long MAX_PRICE_CENTS = 9_999_999L;

    private final EntityManager em;
    private final String outboxPrefix;
    private final CouponColumn couponColumn;

    @Inject
    public DeltaWriter(
            EntityManager em,
            @ConfigProperty(name = "seeder.outbox-prefix") String outboxPrefix,
            CouponColumn couponColumn) {
        this.em = em;
        this.outboxPrefix = outboxPrefix;
        this.couponColumn = couponColumn;
    }

    /**
     * Runs {@code count} operations drawn by weight, in one transaction. An operation that finds nothing to
     * change (e.g. no cancelled order to delete) places a new order instead, so the rate holds.
     *
     * @return how many of each operation were done
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<DeltaOperation, Integer> apply(int count, SplittableRandom random, FakePools pools) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        RandomRows rows = new RandomRows(em, random);
        Map<DeltaOperation, Integer> done = new EnumMap<>(DeltaOperation.class);
        for (int i = 0; i < count; i++) {
            DeltaOperation operation = DeltaOperation.forPercentile(random.nextInt(100));
            if (operation == DeltaOperation.APPLY_COUPON && !couponColumn.exists()) {
                operation = DeltaOperation.ORDER_STATUS;
            }
            boolean changed = switch (operation) {
                case NEW_ORDER -> newOrder(rows, random, pools, now);
                case ORDER_STATUS -> advanceOrderStatus(rows, random, now);
                case APPLY_COUPON -> applyCoupon(rows, random, now);
                case PAYMENT_STATUS -> settlePayment(rows, random, now);
                case PRODUCT_CHANGE -> changeProduct(rows, random, now);
                case CUSTOMER_ADDRESS -> moveCustomer(rows, random, pools, now);
                case DELETE_CANCELLED_ORDER -> deleteCancelledOrder(rows);
            };
            if (!changed) {
                operation = DeltaOperation.NEW_ORDER;
                changed = newOrder(rows, random, pools, now);
            }
            if (changed) {
                // Each operation's statements go out now (two changes of a row in a tick stay two changes in
                // the WAL), then its entities are let go: dirty checks stay cheap in ticks of thousands.
                em.flush();
                em.clear();
                done.merge(operation, 1, Integer::sum);
            }
        }
        return done;
    }

    /** An order of 1-4 distinct products with its payment, and its outbox message in the same transaction. */
    private boolean newOrder(RandomRows rows, SplittableRandom random, FakePools pools, Instant now) {
        Customer customer = rows.pick(Customer.class).orElse(null);
        List<Product> products = rows.pickDistinct(Product.class, 1 + random.nextInt(MAX_ITEMS));
        if (customer == null || products.isEmpty()) {
            return false;
        }
        NewOrderIds ids = NewOrderIds.allocate(em.unwrap(Session.class), products.size());
        Order order = new Order();
        order.id = ids.orderId();
        order.customer = customer;
        order.status = OrderStatus.PENDING;
        order.createdAt = now;
        order.updatedAt = now;
        List<OrderItem> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Product product : products) {
            OrderItem item = new OrderItem();
            item.id = ids.itemIds()[items.size()];
            item.order = order;
            item.product = product;
            item.quantity = 1 + random.nextInt(MAX_QUANTITY);
            item.priceAtPurchase = product.price;
            total = total.add(product.price.multiply(BigDecimal.valueOf(item.quantity)));
            items.add(item);
        }
        order.total = total;
        order.persist();
        items.forEach(item -> item.persist());
        Payment payment = new Payment();
        payment.id = ids.paymentId();
        payment.order = order;
        payment.paymentMethod = pools.paymentMethod(random);
        payment.amount = total;
        payment.status = PaymentStatus.PENDING;
        payment.updatedAt = now;
        payment.persist();
        emitOutboxMessage(order, items);
        return true;
    }

    private void emitOutboxMessage(Order order, List<OrderItem> items) {
        // The rows go first, so a consumer of the change stream sees them before the message.
        em.flush();
        Customer customer = order.customer;
        OrderCreated message = OrderCreated.of(
                order.id,
                new OrderCreated.Customer(customer.id, customer.fullName, customer.email, customer.country),
                items.stream()
                        .map(item -> new OrderCreated.Item(
                                item.product.id,
                                item.product.name,
                                item.product.category,
                                item.quantity,
                                item.priceAtPurchase))
                        .toList(),
                order.total,
                order.status.dbValue(),
                order.createdAt.toString());
        em.createNativeQuery("SELECT pg_logical_emit_message(true, :prefix, :content)")
                .setParameter("prefix", outboxPrefix)
                .setParameter("content", OutboxMessages.write(message))
                .getSingleResult();
    }

    /** pending → shipped (or cancelled, one time in four), shipped → delivered. */
    private boolean advanceOrderStatus(RandomRows rows, SplittableRandom random, Instant now) {
        return rows.pick(
                        Order.class,
                        "e.status in (:open)",
                        Map.of("open", List.of(OrderStatus.PENDING, OrderStatus.SHIPPED)))
                .map(order -> {
                    order.status = switch (order.status) {
                        case PENDING -> random.nextInt(4) == 0 ? OrderStatus.CANCELLED : OrderStatus.SHIPPED;
                        case SHIPPED -> OrderStatus.DELIVERED;
                        default -> throw new IllegalStateException("Order " + order.id + " is " + order.status);
                    };
                    order.updatedAt = now;
                    return true;
                })
                .orElse(false);
    }

    /**
     * A coupon code on an order without one, written with SQL: the ORM's Order has no such column (it exists only
     * after the schema evolution scenario add-coupon-code, and the entities are validated against the schema).
     */
    private boolean applyCoupon(RandomRows rows, SplittableRandom random, Instant now) {
        return rows.pick(Order.class)
                .map(order -> em.createNativeQuery("UPDATE orders SET " + StorefrontTables.ORDERS_COUPON_CODE
                                        + " = :code, updated_at = :now WHERE id = :id AND "
                                        + StorefrontTables.ORDERS_COUPON_CODE + " IS NULL")
                                .setParameter("code", "SAVE" + (5 + random.nextInt(6)) * 5)
                                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                                .setParameter("id", order.id)
                                .executeUpdate()
                        == 1)
                .orElse(false);
    }

    /** A pending payment is paid (four times in five) or fails. */
    private boolean settlePayment(RandomRows rows, SplittableRandom random, Instant now) {
        return rows.pick(Payment.class, "e.status = :pending", Map.of("pending", PaymentStatus.PENDING))
                .map(payment -> {
                    boolean paid = random.nextInt(5) > 0;
                    payment.status = paid ? PaymentStatus.PAID : PaymentStatus.FAILED;
                    payment.paidAt = paid ? now : null;
                    payment.updatedAt = now;
                    return true;
                })
                .orElse(false);
    }

    /** Price moves by up to ±10 %, stock by -20..+50 (never below zero). */
    private boolean changeProduct(RandomRows rows, SplittableRandom random, Instant now) {
        return rows.pick(Product.class)
                .map(product -> {
                    long cents = product.price.movePointRight(2).longValueExact();
                    long newCents = Math.min(MAX_PRICE_CENTS, Math.max(1, cents * (90 + random.nextInt(21)) / 100));
                    product.price = BigDecimal.valueOf(newCents, 2);
                    product.stockQuantity = Math.max(0, product.stockQuantity + random.nextInt(-20, 51));
                    product.updatedAt = now;
                    return true;
                })
                .orElse(false);
    }

    private boolean moveCustomer(RandomRows rows, SplittableRandom random, FakePools pools, Instant now) {
        return rows.pick(Customer.class)
                .map(customer -> {
                    FakePools.Place place = pools.place(random);
                    customer.address = pools.streetAddress(random);
                    customer.city = place.city();
                    customer.country = place.country();
                    customer.updatedAt = now;
                    return true;
                })
                .orElse(false);
    }

    /** Deletes a cancelled order; PostgreSQL's ON DELETE CASCADE deletes its items and payment. */
    private boolean deleteCancelledOrder(RandomRows rows) {
        return rows.pick(Order.class, "e.status = :cancelled", Map.of("cancelled", OrderStatus.CANCELLED))
                .map(order -> Order.delete("id", order.id) == 1)
                .orElse(false);
    }
}
