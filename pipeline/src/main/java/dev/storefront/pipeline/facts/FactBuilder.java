package dev.storefront.pipeline.facts;

import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.cdc.CustomerRow;
import dev.storefront.pipeline.cdc.ItemRow;
import dev.storefront.pipeline.cdc.OrderRow;
import dev.storefront.pipeline.cdc.ProductRow;
import dev.storefront.pipeline.cdc.RowChange;
import dev.storefront.pipeline.enrich.CustomerOrder;
import dev.storefront.pipeline.enrich.EnrichedItem;
import dev.storefront.pipeline.serde.JsonSerde;
import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds each order's fact in one step from the rows its task holds: the order, its lines, its customer and their
 * products, re-emitting it whenever one of them changes what it holds. Two indexes find the orders a customer or
 * product change reaches. A change to a customer's street or city, or to a product's price or stock, is in no
 * output: it is dropped here instead of re-emitting all their orders' facts (that fan-out was most of the
 * pipeline's work under the seeder's deltas). Inner-join semantics as the SQL of seed 000: an order has a fact
 * once its customer is there, a line once its product is; a deleted order or customer turns the facts into
 * tombstones.
 */
final class FactBuilder implements Processor<Long, RowChange, Long, OrderFact> {

    static final String ORDERS = "fact-orders";
    static final String LINES = "fact-order-lines";
    static final String CUSTOMERS = "fact-customers";
    static final String PRODUCTS = "fact-products";
    /** (customer id, order id) of every order of this task. */
    static final String ORDERS_BY_CUSTOMER = "fact-orders-by-customer";
    /** (product id, order id, item id) of every line of this task. */
    static final String ORDERS_BY_PRODUCT = "fact-orders-by-product";

    private static final byte[] PRESENT = new byte[0];
    private static final BytesSerializer PREFIX = new BytesSerializer();

    private ProcessorContext<Long, OrderFact> context;
    private KeyValueStore<Long, OrderRow> orders;
    private KeyValueStore<Long, OrderLines> lines;
    private KeyValueStore<Long, CustomerRow> customers;
    private KeyValueStore<Long, ProductRow> products;
    private KeyValueStore<Bytes, byte[]> ordersByCustomer;
    private KeyValueStore<Bytes, byte[]> ordersByProduct;

    static List<StoreBuilder<?>> stores() {
        return List.of(
                rows(ORDERS, OrderRow.class),
                rows(LINES, OrderLines.class),
                rows(CUSTOMERS, CustomerRow.class),
                rows(PRODUCTS, ProductRow.class),
                index(ORDERS_BY_CUSTOMER),
                index(ORDERS_BY_PRODUCT));
    }

    static String[] storeNames() {
        return stores().stream().map(StoreBuilder::name).toArray(String[]::new);
    }

    @Override
    public void init(ProcessorContext<Long, OrderFact> context) {
        this.context = context;
        orders = context.getStateStore(ORDERS);
        lines = context.getStateStore(LINES);
        customers = context.getStateStore(CUSTOMERS);
        products = context.getStateStore(PRODUCTS);
        ordersByCustomer = context.getStateStore(ORDERS_BY_CUSTOMER);
        ordersByProduct = context.getStateStore(ORDERS_BY_PRODUCT);
    }

    @Override
    public void process(Record<Long, RowChange> record) {
        RowChange change = record.value();
        switch (change.table()) {
            case ORDERS -> order(change.id(), change.order(), record);
            case ORDER_ITEMS -> item(record.key(), change.id(), change.item(), record);
            case CUSTOMERS -> customer(change.id(), change.customer(), record);
            case PRODUCTS -> product(change.id(), change.product(), record);
        }
    }

    private void order(long orderId, OrderRow row, Record<Long, RowChange> cause) {
        OrderRow old = orders.get(orderId);
        boolean customerChanged = old == null || row == null || old.customerId() != row.customerId();
        if (old != null && customerChanged) {
            ordersByCustomer.delete(key(old.customerId(), orderId));
        }
        if (row == null) {
            orders.delete(orderId);
            if (old != null) {
                forward(orderId, null, cause);
            }
            return;
        }
        orders.put(orderId, row);
        if (customerChanged) {
            ordersByCustomer.put(key(row.customerId(), orderId), PRESENT);
        }
        emit(orderId, row, linesOf(orderId), cause);
    }

    private void item(long orderId, long itemId, ItemRow row, Record<Long, RowChange> cause) {
        OrderLines current = linesOf(orderId);
        ItemRow old = current.find(itemId);
        boolean productChanged = old == null || row == null || old.productId() != row.productId();
        if (old != null && productChanged) {
            ordersByProduct.delete(key(old.productId(), orderId, itemId));
        }
        OrderLines next = row == null ? current.without(itemId) : current.with(row);
        if (next.items().isEmpty()) {
            lines.delete(orderId);
        } else {
            lines.put(orderId, next);
        }
        if (row != null && productChanged) {
            ordersByProduct.put(key(row.productId(), orderId, itemId), PRESENT);
        }
        emit(orderId, orders.get(orderId), next, cause);
    }

    private void customer(long customerId, CustomerRow row, Record<Long, RowChange> cause) {
        if (!replaced(customers, customerId, row, CustomerRow::sameContent)) {
            return;
        }
        for (long orderId : ordersOf(ordersByCustomer, customerId)) {
            if (row == null) {
                forward(orderId, null, cause);
            } else {
                emit(orderId, cause);
            }
        }
    }

    private void product(long productId, ProductRow row, Record<Long, RowChange> cause) {
        if (!replaced(products, productId, row, ProductRow::sameContent)) {
            return;
        }
        for (long orderId : ordersOf(ordersByProduct, productId)) {
            emit(orderId, cause);
        }
    }

    /** Stores a customer or product change, unless it changes nothing the facts read (then false). */
    private static <R> boolean replaced(KeyValueStore<Long, R> rows, long id, R row, BiPredicate<R, R> sameContent) {
        R old = rows.get(id);
        if (old != null && row != null && sameContent.test(old, row)) {
            return false;
        }
        if (row == null) {
            rows.delete(id);
        } else {
            rows.put(id, row);
        }
        return true;
    }

    private void emit(long orderId, Record<Long, RowChange> cause) {
        emit(orderId, orders.get(orderId), linesOf(orderId), cause);
    }

    /**
     * The order's fact from its row and lines and what the task holds; none while the order or customer is missing.
     * Its source position is the cause's when that is the latest: a deleted or moved-out line leaves the fact, and
     * its change would otherwise be in no row of it (an order's facts never go back in the WAL).
     */
    private void emit(long orderId, OrderRow order, OrderLines current, Record<Long, RowChange> cause) {
        CustomerRow customer = order == null ? null : customers.get(order.customerId());
        if (customer == null) {
            return;
        }
        List<EnrichedItem> items = current.items().stream()
                .map(item -> {
                    ProductRow product = products.get(item.productId());
                    return product == null ? null : EnrichedItem.of(item, product);
                })
                .filter(Objects::nonNull)
                .toList();
        forward(
                orderId,
                AvroFacts.fact(
                        new CustomerOrder(order, customer), items, cause.value().position()),
                cause);
    }

    private OrderLines linesOf(long orderId) {
        return Objects.requireNonNullElse(lines.get(orderId), OrderLines.NONE);
    }

    private void forward(long orderId, OrderFact fact, Record<Long, RowChange> cause) {
        context.forward(new Record<>(orderId, fact, cause.timestamp()));
    }

    /** The distinct order ids under {@code id} in an index. */
    private static Set<Long> ordersOf(KeyValueStore<Bytes, byte[]> index, long id) {
        Set<Long> orderIds = new LinkedHashSet<>();
        try (KeyValueIterator<Bytes, byte[]> entries = index.prefixScan(key(id), PREFIX)) {
            entries.forEachRemaining(
                    entry -> orderIds.add(ByteBuffer.wrap(entry.key.get()).getLong(Long.BYTES)));
        }
        return orderIds;
    }

    /** Big-endian ids: the index's entries of one id are one prefix. */
    private static Bytes key(long... ids) {
        ByteBuffer key = ByteBuffer.allocate(ids.length * Long.BYTES);
        for (long id : ids) {
            key.putLong(id);
        }
        return Bytes.wrap(key.array());
    }

    private static <V> StoreBuilder<KeyValueStore<Long, V>> rows(String name, Class<V> type) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Long(), JsonSerde.of(type));
    }

    private static StoreBuilder<KeyValueStore<Bytes, byte[]>> index(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray());
    }
}
