package dev.storefront.seeder.fullload;

import static dev.storefront.seeder.testsupport.StorefrontDb.queryLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storefront.seeder.testsupport.SeederApi;
import dev.storefront.seeder.testsupport.StorefrontDb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /seed/full, reconciled against PostgreSQL. */
@QuarkusTest
class FullLoadIT {

    private static final Logger LOG = Logger.getLogger(FullLoadIT.class);

    @BeforeEach
    void emptyDatabase() {
        SeederApi.stop();
        StorefrontDb.reset();
    }

    @Test
    void largeLoadWritesTheAskedCountsWithConsistentOrders() {
        Response response =
                SeederApi.fullLoad(Map.of("customers", 100_000, "products", 10_000, "orders", 200_000, "seed", 1));

        response.then().statusCode(200);
        Map<String, Long> counts = StorefrontDb.rowCounts();
        assertThat(counts)
                .containsEntry("customers", 100_000L)
                .containsEntry("products", 10_000L)
                .containsEntry("orders", 200_000L)
                .containsEntry("payments", 200_000L);
        assertThat(counts.get("order_items")).isBetween(200_000L, 800_000L);
        Map<String, Long> reported = new LinkedHashMap<>();
        response.jsonPath()
                .getMap("rows", String.class, Integer.class)
                .forEach((table, count) -> reported.put(table, count.longValue()));
        assertThat(reported).isEqualTo(counts);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        assertThat(response.jsonPath().getLong("totalRows")).isEqualTo(total);
        LOG.infof(
                "Full load of %d rows: %d ms, %d rows/s",
                total,
                response.jsonPath().getLong("durationMs"),
                response.jsonPath().getLong("rowsPerSecond"));

        assertThat(queryLong("SELECT count(*) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id"
                        + " WHERE c.id IS NULL"))
                .as("orders without customer")
                .isZero();
        assertThat(queryLong("SELECT count(*) FROM order_items i LEFT JOIN orders o ON o.id = i.order_id"
                        + " LEFT JOIN products p ON p.id = i.product_id WHERE o.id IS NULL OR p.id IS NULL"))
                .as("items without order or product")
                .isZero();
        assertThat(queryLong("SELECT count(*) FROM payments p LEFT JOIN orders o ON o.id = p.order_id"
                        + " WHERE o.id IS NULL"))
                .as("payments without order")
                .isZero();
        assertThat(queryLong("SELECT count(*) FROM orders o WHERE (SELECT count(*) FROM order_items i"
                        + " WHERE i.order_id = o.id) NOT BETWEEN 1 AND 4"))
                .as("orders without 1-4 items")
                .isZero();
        assertThat(queryLong("SELECT count(*) FROM (SELECT order_id FROM order_items GROUP BY order_id, product_id"
                        + " HAVING count(*) > 1) twice"))
                .as("products twice in an order")
                .isZero();
        assertThat(queryLong("SELECT count(*) FROM orders o WHERE (SELECT count(*) FROM payments p"
                        + " WHERE p.order_id = o.id) <> 1"))
                .as("orders without exactly one payment")
                .isZero();
        assertThat(queryLong("SELECT count(*) FROM orders o WHERE o.total <> (SELECT sum(i.quantity"
                        + " * i.price_at_purchase) FROM order_items i WHERE i.order_id = o.id)"))
                .as("orders whose total is not the sum of their items")
                .isZero();
        assertThat(queryLong("SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id"
                        + " WHERE p.amount <> o.total"))
                .as("payments not for the order's total")
                .isZero();
        assertThat(queryLong("SELECT count(*) FROM order_items i JOIN products p ON p.id = i.product_id"
                        + " WHERE i.price_at_purchase <> p.price"))
                .as("items not at the product's price")
                .isZero();
        assertThat(queryLong("SELECT count(*) FROM payments WHERE (status = 'paid') <> (paid_at IS NOT NULL)"))
                .as("paid_at set exactly when paid")
                .isZero();
        assertThat(StorefrontDb.queryStrings("SELECT DISTINCT status FROM orders ORDER BY 1"))
                .containsExactly("cancelled", "delivered", "pending", "shipped");
    }

    @Test
    void sameSeedGivesIdenticalRowsWhateverTheBatchSize() {
        Map<String, List<String>> first =
                loadAndDump(Map.of("customers", 700, "products", 120, "orders", 1500, "batchSize", 100, "seed", 42));
        StorefrontDb.reset();
        Map<String, List<String>> second =
                loadAndDump(Map.of("customers", 700, "products", 120, "orders", 1500, "batchSize", 1000, "seed", 42));
        StorefrontDb.reset();
        Map<String, List<String>> otherSeed =
                loadAndDump(Map.of("customers", 700, "products", 120, "orders", 1500, "batchSize", 100, "seed", 43));

        assertThat(first.get("order_items")).hasSizeGreaterThan(1500);
        assertThat(second).isEqualTo(first);
        for (String table : StorefrontDb.tables()) {
            assertThat(otherSeed.get(table)).as(table).isNotEqualTo(first.get(table));
        }
    }

    @Test
    void secondLoadWhileOneRunsIsRefused() {
        CompletableFuture<Response> running = CompletableFuture.supplyAsync(() ->
                SeederApi.fullLoad(Map.of("customers", 400_000, "products", 10, "orders", 10, "batchSize", 1000)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> SeederApi.status().jsonPath().getBoolean("fullLoadRunning"));

        Response refused = SeederApi.fullLoad(Map.of("customers", 1, "products", 1, "orders", 1));

        refused.then().statusCode(409);
        assertThat(refused.jsonPath().getString("error")).contains("already running");
        Response first = running.join();
        first.then().statusCode(200);
        assertThat(StorefrontDb.rowCounts())
                .containsEntry("customers", 400_000L)
                .containsEntry("products", 10L)
                .containsEntry("orders", 10L);
    }

    private static Map<String, List<String>> loadAndDump(Map<String, ?> parameters) {
        SeederApi.fullLoad(parameters).then().statusCode(200);
        Map<String, List<String>> dump = new LinkedHashMap<>();
        StorefrontDb.tables().forEach(table -> dump.put(table, StorefrontDb.dump(table)));
        return dump;
    }
}
