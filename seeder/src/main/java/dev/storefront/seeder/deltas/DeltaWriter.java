package dev.storefront.seeder.deltas;

import dev.storefront.contract.StorefrontTables;
import dev.storefront.contract.outbox.OrderCreated;
import dev.storefront.contract.outbox.OutboxMessages;
import dev.storefront.seeder.fakedata.FakePools;
import dev.storefront.seeder.store.OrderStatus;
import dev.storefront.seeder.store.PaymentStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The changes a shop makes, one transaction per tick, set-based: all the operations of a kind due in a tick are
 * one statement (the rows picked and changed in one round trip), so a tick costs about a dozen round trips
 * whatever its size. Each operation still changes its own row once: a kind's picks are distinct rows.
 */
@ApplicationScoped
public class DeltaWriter {

    private static final int MAX_ITEMS = 4;
    private static final int MAX_QUANTITY = 5;

    private static final String PENDING = quoted(OrderStatus.PENDING.dbValue());
    private static final String SHIPPED = quoted(OrderStatus.SHIPPED.dbValue());
    /** The orders the deltas delete (RandomRowsIT checks that picking them reads only them). */
    static final String CANCELLED_ORDERS = "status = " + quoted(OrderStatus.CANCELLED.dbValue());

    /** pending → shipped (or cancelled when the draw is 0, one time in four), shipped → delivered. */
    private static final String ADVANCE_ORDER_STATUS = "WITH picked AS ("
            + RandomRows.distinct("orders", "status IN (" + PENDING + ", " + SHIPPED + ")", "draw int")
            + ") UPDATE orders o SET status = CASE WHEN o.status = " + SHIPPED + " THEN "
            + quoted(OrderStatus.DELIVERED.dbValue()) + " WHEN picked.draw = 0 THEN "
            + quoted(OrderStatus.CANCELLED.dbValue()) + " ELSE " + SHIPPED + " END, updated_at = ?"
            + " FROM picked WHERE o.id = picked.id";

    /** Only once the schema evolution scenario add-coupon-code added the column. */
    private static final String APPLY_COUPON = "WITH picked AS ("
            + RandomRows.distinct("orders", StorefrontTables.ORDERS_COUPON_CODE + " IS NULL", "code text")
            + ") UPDATE orders o SET " + StorefrontTables.ORDERS_COUPON_CODE + " = picked.code, updated_at = ?"
            + " FROM picked WHERE o.id = picked.id";

    /** A pending payment is paid (draw > 0, four times in five) or fails. */
    private static final String SETTLE_PAYMENT = "WITH picked AS ("
            + RandomRows.distinct("payments", "status = " + quoted(PaymentStatus.PENDING.dbValue()), "draw int")
            + ") UPDATE payments p SET status = CASE WHEN picked.draw > 0 THEN "
            + quoted(PaymentStatus.PAID.dbValue()) + " ELSE " + quoted(PaymentStatus.FAILED.dbValue())
            + " END, paid_at = CASE WHEN picked.draw > 0 THEN ?::timestamptz END, updated_at = ?"
            + " FROM picked WHERE p.id = picked.id";

    /** Price moves by -10..+10 % (cents rounded down, 0.01..99,999.99), stock by -20..+50 (never below zero). */
    private static final String CHANGE_PRODUCT = "WITH picked AS ("
            + RandomRows.distinct("products", "true", "percent int", "stock_change int")
            + ") UPDATE products p SET price = least(99999.99, greatest(0.01, trunc(p.price * picked.percent / 100, 2))),"
            + " stock_quantity = greatest(0, p.stock_quantity + picked.stock_change), updated_at = ?"
            + " FROM picked WHERE p.id = picked.id";

    private static final String MOVE_CUSTOMER = "WITH picked AS ("
            + RandomRows.distinct("customers", "true", "address text", "city text", "country text")
            + ") UPDATE customers c SET address = picked.address, city = picked.city, country = picked.country,"
            + " updated_at = ? FROM picked WHERE c.id = picked.id";

    /** PostgreSQL's ON DELETE CASCADE deletes the items and payment (CDC sees each delete). */
    private static final String DELETE_CANCELLED_ORDER = "WITH picked AS ("
            + RandomRows.distinct("orders", CANCELLED_ORDERS)
            + ") DELETE FROM orders o USING picked WHERE o.id = picked.id";

    private static final String PICK_CUSTOMERS = RandomRows.each("customers", "t.id, t.full_name, t.email, t.country");
    private static final String PICK_PRODUCTS = RandomRows.each("products", "t.id, t.name, t.category, t.price");
    private static final String INSERT_ORDERS = "INSERT INTO orders (id, customer_id, status, total, created_at,"
            + " updated_at) SELECT id, customer_id, " + PENDING + ", total, ?, ?"
            + " FROM unnest(?::bigint[], ?::bigint[], ?::numeric[]) AS t(id, customer_id, total)";
    private static final String INSERT_ITEMS = "INSERT INTO order_items (id, order_id, product_id, quantity,"
            + " price_at_purchase) SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::numeric[])";
    private static final String INSERT_PAYMENTS = "INSERT INTO payments (id, order_id, payment_method, amount, status,"
            + " updated_at) SELECT id, order_id, method, amount, " + quoted(PaymentStatus.PENDING.dbValue()) + ", ?"
            + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::numeric[]) AS t(id, order_id, method, amount)";
    /** Transactional messages, in the orders' order, after all their rows. */
    private static final String EMIT_MESSAGES =
            "SELECT pg_logical_emit_message(true, ?, content) FROM unnest(?::text[]) AS t(content)";

    /** What every statement of a tick uses: its transaction's connection, its random rows and draws, its time. */
    private record Tick(
            Connection connection, RandomRows rows, SplittableRandom random, FakePools pools, OffsetDateTime now) {}

    private final AgroalDataSource dataSource;
    private final String outboxPrefix;
    private final CouponColumn couponColumn;

    @Inject
    public DeltaWriter(
            AgroalDataSource dataSource,
            @ConfigProperty(name = "seeder.outbox-prefix") String outboxPrefix,
            CouponColumn couponColumn) {
        this.dataSource = dataSource;
        this.outboxPrefix = outboxPrefix;
        this.couponColumn = couponColumn;
    }

    /** Whether there is no customer or no product to act on. */
    public boolean storeIsEmpty() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT NOT (EXISTS (SELECT 1 FROM customers) AND EXISTS (SELECT 1 FROM products))")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Runs {@code count} operations drawn by weight, in one transaction. Operations that find nothing to change
     * (e.g. no cancelled order to delete) place new orders instead, so the rate holds. New orders go last, so
     * their outbox messages carry the customers as this tick left them.
     *
     * @return how many of each operation were done
     */
    public Map<DeltaOperation, Integer> apply(int count, SplittableRandom random, FakePools pools) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<DeltaOperation, Integer> done = apply(connection, count, random, pools);
                connection.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private Map<DeltaOperation, Integer> apply(
            Connection connection, int count, SplittableRandom random, FakePools pools) throws SQLException {
        OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        Map<DeltaOperation, Integer> drawn = new EnumMap<>(DeltaOperation.class);
        for (int i = 0; i < count; i++) {
            DeltaOperation operation = DeltaOperation.forPercentile(random.nextInt(100));
            if (operation == DeltaOperation.APPLY_COUPON && !couponColumn.exists(connection)) {
                operation = DeltaOperation.ORDER_STATUS;
            }
            drawn.merge(operation, 1, Integer::sum);
        }
        Tick tick = new Tick(connection, RandomRows.read(connection, random), random, pools, now);
        Map<DeltaOperation, Integer> done = new EnumMap<>(DeltaOperation.class);
        int shortfall = 0;
        for (Map.Entry<DeltaOperation, Integer> kind : drawn.entrySet()) {
            if (kind.getKey() == DeltaOperation.NEW_ORDER) {
                continue;
            }
            int changed = change(tick, kind.getKey(), kind.getValue());
            record(done, kind.getKey(), changed);
            shortfall += kind.getValue() - changed;
        }
        int orders = drawn.getOrDefault(DeltaOperation.NEW_ORDER, 0) + shortfall;
        record(done, DeltaOperation.NEW_ORDER, placeOrders(tick, orders));
        return done;
    }

    /** Changes up to {@code count} distinct rows by one kind of operation; answers how many it changed. */
    private static int change(Tick tick, DeltaOperation operation, int count) throws SQLException {
        Connection connection = tick.connection();
        RandomRows rows = tick.rows();
        SplittableRandom random = tick.random();
        FakePools pools = tick.pools();
        OffsetDateTime now = tick.now();
        return switch (operation) {
            case ORDER_STATUS ->
                update(
                        connection,
                        ADVANCE_ORDER_STATUS,
                        rows.pivots("orders", count),
                        new Object[][] {ints(count, () -> random.nextInt(4))},
                        now);
            case APPLY_COUPON ->
                update(
                        connection,
                        APPLY_COUPON,
                        rows.pivots("orders", count),
                        new Object[][] {texts(count, () -> "SAVE" + (5 + random.nextInt(6)) * 5)},
                        now);
            case PAYMENT_STATUS ->
                update(
                        connection,
                        SETTLE_PAYMENT,
                        rows.pivots("payments", count),
                        new Object[][] {ints(count, () -> random.nextInt(5))},
                        now,
                        now);
            case PRODUCT_CHANGE ->
                update(
                        connection,
                        CHANGE_PRODUCT,
                        rows.pivots("products", count),
                        new Object[][] {
                            ints(count, () -> 90 + random.nextInt(21)), ints(count, () -> random.nextInt(-20, 51))
                        },
                        now);
            case CUSTOMER_ADDRESS -> {
                String[] addresses = new String[count];
                String[] cities = new String[count];
                String[] countries = new String[count];
                for (int i = 0; i < count; i++) {
                    FakePools.Place place = pools.place(random);
                    addresses[i] = pools.streetAddress(random);
                    cities[i] = place.city();
                    countries[i] = place.country();
                }
                yield update(
                        connection,
                        MOVE_CUSTOMER,
                        rows.pivots("customers", count),
                        new Object[][] {addresses, cities, countries},
                        now);
            }
            case DELETE_CANCELLED_ORDER ->
                update(connection, DELETE_CANCELLED_ORDER, rows.pivots("orders", count), new Object[0][]);
            case NEW_ORDER -> throw new IllegalArgumentException("New orders are placed by placeOrders");
        };
    }

    /**
     * Orders of 1-4 distinct products (two draws of one product in an order count once) with their payments, and
     * each order's outbox message in the same transaction, after all the rows.
     */
    private int placeOrders(Tick tick, int count) throws SQLException {
        Connection connection = tick.connection();
        RandomRows rows = tick.rows();
        SplittableRandom random = tick.random();
        FakePools pools = tick.pools();
        OffsetDateTime now = tick.now();
        Long[] customerPivots = rows.pivots("customers", count);
        int[] sizes = new int[customerPivots.length];
        int draws = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = 1 + random.nextInt(MAX_ITEMS);
            draws += sizes[i];
        }
        Long[] productPivots = rows.pivots("products", draws);
        if (customerPivots.length == 0 || productPivots.length == 0) {
            return 0;
        }
        List<OrderCreated.Customer> customers = query(
                connection,
                PICK_CUSTOMERS,
                customerPivots,
                rs -> new OrderCreated.Customer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        List<OrderCreated.Item> products = query(
                connection,
                PICK_PRODUCTS,
                productPivots,
                rs -> new OrderCreated.Item(rs.getLong(1), rs.getString(2), rs.getString(3), 0, rs.getBigDecimal(4)));

        List<List<OrderCreated.Item>> orderItems = new ArrayList<>();
        int next = 0;
        for (int size : sizes) {
            Map<Long, OrderCreated.Item> distinct = new LinkedHashMap<>();
            for (OrderCreated.Item product : products.subList(next, next + size)) {
                distinct.putIfAbsent(
                        product.productId(),
                        new OrderCreated.Item(
                                product.productId(),
                                product.name(),
                                product.category(),
                                1 + random.nextInt(MAX_QUANTITY),
                                product.price()));
            }
            orderItems.add(List.copyOf(distinct.values()));
            next += size;
        }
        int itemCount = orderItems.stream().mapToInt(List::size).sum();
        NewOrderIds ids = NewOrderIds.allocate(connection, customers.size(), itemCount);

        int orders = customers.size();
        Long[] customerIds = new Long[orders];
        BigDecimal[] totals = new BigDecimal[orders];
        String[] methods = new String[orders];
        String[] messages = new String[orders];
        Long[] itemOrderIds = new Long[itemCount];
        Long[] itemProductIds = new Long[itemCount];
        Integer[] quantities = new Integer[itemCount];
        BigDecimal[] prices = new BigDecimal[itemCount];
        int item = 0;
        for (int i = 0; i < orders; i++) {
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (OrderCreated.Item line : orderItems.get(i)) {
                itemOrderIds[item] = ids.orderIds()[i];
                itemProductIds[item] = line.productId();
                quantities[item] = line.quantity();
                prices[item] = line.price();
                total = total.add(line.price().multiply(BigDecimal.valueOf(line.quantity())));
                item++;
            }
            customerIds[i] = customers.get(i).id();
            totals[i] = total;
            methods[i] = pools.paymentMethod(random);
            messages[i] = OutboxMessages.write(OrderCreated.of(
                    ids.orderIds()[i],
                    customers.get(i),
                    orderItems.get(i),
                    total,
                    OrderStatus.PENDING.dbValue(),
                    now.toInstant().toString()));
        }
        execute(connection, INSERT_ORDERS, now, now, ids.orderIds(), customerIds, totals);
        execute(connection, INSERT_ITEMS, ids.itemIds(), itemOrderIds, itemProductIds, quantities, prices);
        execute(connection, INSERT_PAYMENTS, now, ids.paymentIds(), ids.orderIds(), methods, totals);
        execute(connection, EMIT_MESSAGES, outboxPrefix, messages);
        return orders;
    }

    /** Runs a picked-rows statement: the pivots and the values beside them first, then {@code trailing}. */
    private static int update(Connection connection, String sql, Long[] pivots, Object[][] values, Object... trailing)
            throws SQLException {
        if (pivots.length == 0) {
            return 0;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(pivots);
        parameters.addAll(List.of(values));
        parameters.addAll(List.of(trailing));
        return execute(connection, sql, parameters.toArray());
    }

    private static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, parameters);
            return statement.execute() ? 0 : statement.getUpdateCount();
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(Connection connection, String sql, Long[] pivots, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, new Object[] {pivots});
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }

    /** Java arrays go as SQL arrays (the statements cast them to their element type). */
    private static void bind(Connection connection, PreparedStatement statement, Object[] parameters)
            throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            statement.setObject(
                    i + 1,
                    parameter instanceof Object[] array
                            ? connection.createArrayOf(elementType(array), array)
                            : parameter);
        }
    }

    private static String elementType(Object[] array) {
        return switch (array.getClass().getComponentType().getSimpleName()) {
            case "Long" -> "bigint";
            case "Integer" -> "integer";
            case "BigDecimal" -> "numeric";
            case "String" -> "text";
            default -> throw new IllegalArgumentException("No SQL type for " + array.getClass());
        };
    }

    private static Integer[] ints(int count, IntSupplier draw) {
        Integer[] values = new Integer[count];
        for (int i = 0; i < count; i++) {
            values[i] = draw.getAsInt();
        }
        return values;
    }

    private static String[] texts(int count, Supplier<String> draw) {
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            values[i] = draw.get();
        }
        return values;
    }

    private static void record(Map<DeltaOperation, Integer> done, DeltaOperation operation, int count) {
        if (count > 0) {
            done.merge(operation, count, Integer::sum);
        }
    }

    private static String quoted(String value) {
        return "'" + value + "'";
    }
}
