package dev.storefront.seeder.deltas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.seeder.testsupport.SeederApi;
import dev.storefront.seeder.testsupport.StorefrontDb;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pick of rows in a rare state (the deltas' cancelled orders to delete) reads those rows only, once per pivot:
 * through the work-queue index of migration V4, not by walking the primary key past every other order.
 */
@QuarkusTest
class RandomRowsIT {

    private static final int PIVOTS = 50;
    private static final Pattern REMOVED = Pattern.compile("Rows Removed by Filter: (\\d+)");
    private static final Pattern QUEUE_SCAN =
            Pattern.compile("Index (?:Only )?Scan using orders_cancelled_idx .*loops=(\\d+)");

    @BeforeEach
    void storeWithFewCancelledOrders() {
        SeederApi.stop();
        StorefrontDb.reset();
        SeederApi.fullLoad(Map.of("customers", 100, "products", 50, "orders", 2000, "seed", 7))
                .then()
                .statusCode(200);
        // One cancelled order in about a hundred, as a long run of deltas leaves them.
        StorefrontDb.update("UPDATE orders SET status = 'delivered' WHERE status = 'cancelled' AND id % 10 <> 0");
        StorefrontDb.update("ANALYZE orders");
    }

    @Test
    void aPickOfARareStateReadsOnlyRowsInThatStateOncePerPivot() throws SQLException {
        long cancelled = StorefrontDb.queryLong("SELECT count(*) FROM orders WHERE status = 'cancelled'");
        assertThat(cancelled).as("cancelled orders left").isBetween(5L, 50L);

        List<String> plan = explain(RandomRows.distinct("orders", DeltaWriter.CANCELLED_ORDERS));

        // Once per pivot (not twice: see RandomRows.firstMatch), and at most once for the wrap-around.
        assertThat(plan.stream().map(QUEUE_SCAN::matcher).filter(Matcher::find).map(m -> m.group(1)))
                .as("scans of the queue index:\n%s", String.join("\n", plan))
                .containsOnly(String.valueOf(PIVOTS), "1")
                .containsOnlyOnce(String.valueOf(PIVOTS));
        assertThat(plan.stream().map(REMOVED::matcher).filter(Matcher::find).mapToLong(m -> Long.parseLong(m.group(1))))
                .as("rows read and thrown away:\n%s", String.join("\n", plan))
                .allMatch(removed -> removed == 0);
        assertThat(plan).as("the picks, distinct rows").anyMatch(line -> line.matches(".*Unique .*rows=([1-9]\\d*).*"));
    }

    /** EXPLAIN ANALYZE of a pick with {@link #PIVOTS} pivots drawn as the deltas draw them. */
    private static List<String> explain(String pick) throws SQLException {
        try (Connection connection = StorefrontDb.connect();
                PreparedStatement statement = connection.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF) " + pick)) {
            Long[] pivots =
                    RandomRows.read(connection, new SplittableRandom(11)).pivots("orders", PIVOTS);
            statement.setArray(1, connection.createArrayOf("bigint", pivots));
            List<String> plan = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            return plan;
        }
    }
}
