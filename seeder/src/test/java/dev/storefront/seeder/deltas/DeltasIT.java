package dev.storefront.seeder.deltas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storefront.contract.outbox.OrderCreated;
import dev.storefront.contract.outbox.OutboxMessageException;
import dev.storefront.contract.outbox.OutboxMessages;
import dev.storefront.seeder.testsupport.LogicalSlot;
import dev.storefront.seeder.testsupport.LogicalSlot.Change;
import dev.storefront.seeder.testsupport.SeederApi;
import dev.storefront.seeder.testsupport.StorefrontDb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /seed/start and /seed/stop, proven through a logical replication slot, as CDC will see them. */
@QuarkusTest
class DeltasIT {

    private static final Set<String> ALLOWED_STATUS_EDGES =
            Set.of("pending->shipped", "shipped->delivered", "pending->cancelled");

    @BeforeEach
    void seededStore() {
        SeederApi.stop();
        StorefrontDb.reset();
        SeederApi.fullLoad(Map.of("customers", 300, "products", 100, "orders", 1000, "seed", 5))
                .then()
                .statusCode(200);
    }

    @Test
    void deltasInsertUpdateAndDeleteAndEmitOneMessagePerNewOrder() throws Exception {
        List<Change> changes;
        Response stopped;
        try (LogicalSlot slot = LogicalSlot.create("deltas_it")) {
            SeederApi.start(Map.of("rate", 300)).then().statusCode(200);
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            SeederApi.status()
                                    .jsonPath()
                                    .getMap("operations", String.class, Integer.class)
                                    .entrySet()
                                    .stream()
                                    // No coupon column here: apply_coupon ops are order status changes.
                                    .filter(op -> !op.getKey().equals("apply_coupon"))
                                    .allMatch(op -> op.getValue() >= 3));
            stopped = SeederApi.stop();
            changes = slot.changes();
        }

        stopped.then().statusCode(200);
        assertThat(stopped.jsonPath().getBoolean("running")).isFalse();
        assertThat(stopped.jsonPath().getString("lastError")).isNull();
        Map<String, Integer> operations = stopped.jsonPath().getMap("operations", String.class, Integer.class);
        List<Change> orderInserts = rows(changes, "orders", "INSERT");
        List<Change> messages = changes.stream().filter(Change::isMessage).toList();
        assertThat(orderInserts).hasSize(operations.get("new_order"));
        assertThat(rows(changes, "orders", "UPDATE")).hasSize(operations.get("order_status"));
        assertThat(rows(changes, "orders", "DELETE")).hasSize(operations.get("delete_cancelled_order"));
        assertThat(rows(changes, "payments", "UPDATE")).hasSize(operations.get("payment_status"));
        assertThat(rows(changes, "products", "UPDATE"))
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(operations.get("product_change"));
        assertThat(rows(changes, "customers", "UPDATE"))
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(operations.get("customer_address"));
        assertThat(rows(changes, "order_items", "INSERT")).hasSizeGreaterThanOrEqualTo(orderInserts.size());
        assertThat(rows(changes, "order_items", "DELETE")).isNotEmpty();
        assertThat(rows(changes, "payments", "INSERT")).hasSize(orderInserts.size());
        assertThat(rows(changes, "payments", "DELETE")).hasSize(operations.get("delete_cancelled_order"));

        assertThat(rows(changes, "orders", "UPDATE"))
                .extracting(update ->
                        update.before().get("status") + "->" + update.after().get("status"))
                .isSubsetOf(ALLOWED_STATUS_EDGES);
        assertThat(rows(changes, "orders", "DELETE"))
                .extracting(delete -> delete.before().get("status"))
                .containsOnly("cancelled");

        assertThat(messages).extracting(Change::prefix).containsOnly(StorefrontDb.config("seeder.outbox-prefix"));
        List<Long> messageOrderIds = new ArrayList<>();
        for (Change message : messages) {
            // The contract: every message the seeder emitted is one the pipeline's reader accepts.
            messageOrderIds.add(read(message).orderId());
        }
        assertThat(messageOrderIds)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(orderInserts.stream()
                        .map(insert -> Long.parseLong(insert.after().get("id")))
                        .toList());

        int checked = 0;
        for (int position = 0; position < changes.size(); position++) {
            if (changes.get(position).isMessage() && messageMatchesOrder(changes, position)) {
                checked++;
            }
        }
        assertThat(checked).as("messages of orders that still exist").isPositive();
    }

    @Test
    void startOnAnEmptyStoreWritesABaseSetFirst() {
        StorefrontDb.reset();

        SeederApi.start(Map.of("rate", 20)).then().statusCode(200);
        SeederApi.stop().then().statusCode(200);

        Map<String, Long> counts = StorefrontDb.rowCounts();
        assertThat(counts.get("customers")).isEqualTo((long) DeltaRunner.BASE_SET.customers());
        assertThat(counts.get("products")).isEqualTo((long) DeltaRunner.BASE_SET.products());
        assertThat(counts.get("orders"))
                .isGreaterThanOrEqualTo(DeltaRunner.BASE_SET.orders()
                        - SeederApi.status().jsonPath().getLong("operations.delete_cancelled_order"));
    }

    /** Checks the message at {@code position} against its order's rows; false when the order is gone since. */
    private boolean messageMatchesOrder(List<Change> changes, int position) throws Exception {
        OrderCreated message = read(changes.get(position));
        long orderId = message.orderId();
        List<Map<String, Object>> order = StorefrontDb.queryRows(
                "SELECT o.total, o.created_at, c.id, c.full_name, c.email FROM orders o"
                        + " JOIN customers c ON c.id = o.customer_id WHERE o.id = ?",
                orderId);
        if (order.isEmpty()) {
            return false;
        }
        Map<String, Object> row = order.get(0);
        OrderCreated.Customer customer = message.customer();
        assertThat(customer.id()).isEqualTo(((Number) row.get("id")).longValue());
        assertThat(customer.fullName()).isEqualTo(row.get("full_name"));
        assertThat(customer.email()).isEqualTo(row.get("email"));
        assertThat(customer.country())
                .as("country of customer %s when order %s was placed", customer.id(), orderId)
                .isEqualTo(countryAt(changes, position, String.valueOf(customer.id())));
        assertThat(message.total()).isEqualByComparingTo((BigDecimal) row.get("total"));
        assertThat(message.status()).isEqualTo("pending");
        assertThat(Instant.parse(message.createdAt())).isEqualTo(((Timestamp) row.get("created_at")).toInstant());

        Set<String> expectedItems = StorefrontDb.queryRows(
                        "SELECT i.product_id, p.name, p.category, i.quantity,"
                                + " i.price_at_purchase FROM order_items i JOIN products p ON p.id = i.product_id"
                                + " WHERE i.order_id = ?",
                        orderId)
                .stream()
                .map(item -> item.get("product_id") + "|" + item.get("name") + "|" + item.get("category") + "|"
                        + item.get("quantity") + "|" + ((BigDecimal) item.get("price_at_purchase")).toPlainString())
                .collect(Collectors.toSet());
        Set<String> messageItems = new HashSet<>();
        message.items()
                .forEach(item -> messageItems.add(item.productId() + "|" + item.name() + "|" + item.category() + "|"
                        + item.quantity() + "|" + item.price().toPlainString()));
        assertThat(messageItems).as("items of order %s", orderId).isEqualTo(expectedItems);
        return true;
    }

    private static OrderCreated read(Change message) throws OutboxMessageException {
        return OutboxMessages.read(message.content().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The customer's country at a point of the change stream: the last address change before it, else the
     * value the first change after it replaced, else today's (never changed while the slot recorded).
     */
    private static String countryAt(List<Change> changes, int position, String customerId) {
        String before = null;
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            if (change.isRow("customers", "UPDATE")
                    && customerId.equals(change.after().get("id"))) {
                if (i < position) {
                    before = change.after().get("country");
                } else {
                    return before != null ? before : change.before().get("country");
                }
            }
        }
        return before != null
                ? before
                : StorefrontDb.queryStrings("SELECT country FROM customers WHERE id = ?", Long.parseLong(customerId))
                        .get(0);
    }

    @Test
    void onceOrdersHaveACouponCodeColumnTheDeltasApplyCoupons() throws Exception {
        StorefrontDb.update("ALTER TABLE orders ADD COLUMN coupon_code text");
        try (LogicalSlot slot = LogicalSlot.create("deltas_coupons_it")) {
            SeederApi.start(Map.of("rate", 300)).then().statusCode(200);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> SeederApi.status().jsonPath().getInt("operations.apply_coupon") >= 5);
            Response stopped = SeederApi.stop();
            List<Change> changes = slot.changes();

            Map<String, Integer> operations = stopped.jsonPath().getMap("operations", String.class, Integer.class);
            // An update that sets a coupon (a later status change of a couponed order keeps it: not counted).
            List<Change> couponed = rows(changes, "orders", "UPDATE").stream()
                    .filter(change ->
                            change.after().getOrDefault("coupon_code", "").matches("SAVE\\d+")
                                    && !change.after()
                                            .get("coupon_code")
                                            .equals(change.before().get("coupon_code")))
                    .toList();
            assertThat(couponed).hasSize(operations.get("apply_coupon"));
            assertThat(rows(changes, "orders", "UPDATE"))
                    .hasSize(operations.get("order_status") + operations.get("apply_coupon"));
        } finally {
            StorefrontDb.update("ALTER TABLE orders DROP COLUMN IF EXISTS coupon_code");
            // The deltas ask for the column every few seconds: the next test's must see it gone.
            Thread.sleep(CouponColumn.ASK_EVERY.toMillis() + 500);
        }
    }

    private static List<Change> rows(List<Change> changes, String table, String op) {
        return changes.stream().filter(change -> change.isRow(table, op)).toList();
    }
}
