package dev.storefront.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.CdcHistory;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.pipeline.analytics.Group;
import dev.storefront.reconciliation.CdcHistoryCheck.RowState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL side of verify against a real PostgreSQL with the storefront migrations: the ground truth it computes
 * for each output, and how it reads the sinks' tables (created here as the JDBC sinks create them).
 */
class VerifySqlIT {

    private static final PlatformEnv ENV = PlatformEnv.load(Path.of("../.env"), Map.of());
    private static EmbeddedPostgres postgres;
    private static Connection storefront;
    private static Connection analytics;

    @BeforeAll
    static void storefrontWithOrders() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE storefront");
            sql.execute("CREATE DATABASE analytics");
        }
        Flyway.configure()
                .dataSource(postgres.getJdbcUrl("postgres", "storefront"), "postgres", "")
                .locations("classpath:db/storefront")
                .placeholders(Map.of(
                        "debezium_user",
                        ENV.require(PlatformVariable.DEBEZIUM_USER),
                        "debezium_password",
                        ENV.require(PlatformVariable.DEBEZIUM_PASSWORD),
                        "debezium_publication",
                        ENV.require(PlatformVariable.DEBEZIUM_PUBLICATION)))
                .load()
                .migrate();
        storefront = postgres.getDatabase("postgres", "storefront").getConnection();
        analytics = postgres.getDatabase("postgres", "analytics").getConnection();
        execute(storefront, """
                INSERT INTO customers (id, full_name, email, address, city, country, created_at, updated_at) VALUES
                  (1, 'Alice Martin', 'alice@example.com', '1 Main St', 'Lyon', 'France', '2026-01-05T10:15:30.123456Z', '2026-01-05T10:15:30.123456Z'),
                  (2, 'Bob Ruiz', 'bob@example.com', '2 Calle', 'Madrid', 'Spain', '2026-01-05T10:15:30Z', '2026-01-05T10:15:30Z');
                INSERT INTO products (id, name, category, price, stock_quantity) VALUES
                  (10, 'Mug', 'Kitchen', 12.50, 5), (11, 'Lamp', 'Home', 40.00, 3);
                INSERT INTO orders (id, customer_id, status, total, created_at, updated_at) VALUES
                  (100, 1, 'pending', 65.00, '2026-01-06T08:00:00.5Z', '2026-01-06T09:00:00Z'),
                  (101, 2, 'cancelled', 12.50, '2026-01-06T08:00:00Z', '2026-01-06T08:00:00Z'),
                  (102, 2, 'shipped', 0.00, '2026-01-06T08:00:00Z', '2026-01-06T08:00:00Z');
                INSERT INTO order_items (id, order_id, product_id, quantity, price_at_purchase) VALUES
                  (1000, 100, 10, 2, 12.50), (1001, 100, 11, 1, 40.00), (1002, 101, 10, 1, 12.50);
                """);
    }

    @AfterAll
    static void stop() throws Exception {
        analytics.close();
        storefront.close();
        postgres.close();
    }

    @Test
    void factsAreTheJoinPerOrderIncludingOrdersWithoutItems() throws SQLException {
        Map<Long, FactView> facts = FactsCheck.expected(storefront);

        assertThat(facts).containsOnlyKeys(100L, 101L, 102L);
        assertThat(facts.get(100L))
                .isEqualTo(new FactView(
                        100L,
                        "pending",
                        new BigDecimal("65.00"),
                        2,
                        1L,
                        "Alice Martin",
                        "alice@example.com",
                        "France",
                        List.of(
                                new FactView.Item(1000L, 10L, "Mug", "Kitchen", 2, new BigDecimal("12.50")),
                                new FactView.Item(1001L, 11L, "Lamp", "Home", 1, new BigDecimal("40.00"))),
                        Instant.parse("2026-01-06T08:00:00.5Z"),
                        Instant.parse("2026-01-06T09:00:00Z"),
                        null));
        assertThat(facts.get(102L).itemCount()).isZero();
        assertThat(facts.get(102L).items()).isEmpty();
    }

    @Test
    void revenueIsTheGroupByWithoutCancelledOrdersAndTheSinkTableIsReadTheSameWay() throws SQLException {
        Map<Group, RevenueCheck.Totals> expected = RevenueCheck.expected(storefront);

        assertThat(expected)
                .containsOnly(
                        Map.entry(new Group("Kitchen", "France"), new RevenueCheck.Totals(new BigDecimal("25.00"), 1)),
                        Map.entry(new Group("Home", "France"), new RevenueCheck.Totals(new BigDecimal("40.00"), 1)));

        execute(analytics, """
                CREATE TABLE revenue_by_category_country (category text, country text, revenue numeric(18, 2),
                    order_count bigint, PRIMARY KEY (category, country));
                INSERT INTO revenue_by_category_country VALUES ('Kitchen', 'France', 25.00, 1), ('Home', 'France', 40, 1);
                """);
        assertThat(Comparison.compare("table", expected, RevenueCheck.table(analytics))
                        .matches())
                .isTrue();
    }

    @Test
    void emittedOrdersAreComparedWithWhatPostgresStillHas() throws SQLException {
        Map<Long, OrderOutputCheck.Recorded> recorded = OrderOutputCheck.recorded(storefront, List.of(100L, 999L));

        assertThat(recorded).containsOnlyKeys(100L);
        assertThat(recorded.get(100L))
                .isEqualTo(new OrderOutputCheck.Recorded(
                        "Alice Martin",
                        "alice@example.com",
                        List.of(
                                new OrderOutputCheck.RecordedLine(10L, 2, new BigDecimal("12.5")),
                                new OrderOutputCheck.RecordedLine(11L, 1, new BigDecimal("40"))),
                        new BigDecimal("65")));
    }

    @Test
    void historyTablesAreCheckedPerChangeAndByTheirLastOpPerKey() throws SQLException {
        execute(analytics, """
                CREATE TABLE customers_cdc (id bigint, full_name text, email text, address text, city text, country text,
                    created_at timestamptz, updated_at timestamptz, __op text, __source_ts_ms bigint,
                    __source_lsn bigint, __deleted text);
                INSERT INTO customers_cdc VALUES
                  (1, 'Alice Martin', 'alice@example.com', '1 Rue', 'Paris', 'France', '2026-01-05T10:15:30.123456Z', '2026-01-05T10:15:30.123456Z', 'r', 1, 10, 'false'),
                  (1, 'Alice Martin', 'alice@example.com', '1 Main St', 'Lyon', 'France', '2026-01-05T10:15:30.123456Z', '2026-01-05T10:15:30.123456Z', 'u', 2, 20, 'false'),
                  (3, 'Carl', 'carl@example.com', 'x', 'y', 'Italy', '2026-01-05T10:15:30Z', '2026-01-05T10:15:30Z', 'c', 3, 30, 'false'),
                  (3, 'Carl', 'carl@example.com', 'x', 'y', 'Italy', '2026-01-05T10:15:30Z', '2026-01-05T10:15:30Z', 'd', 4, 40, 'true'),
                  (3, 'Carl', 'carl@example.com', 'x', 'y', 'Italy', '2026-01-05T10:15:30Z', '2026-01-05T10:15:30Z', 'd', 4, 40, 'true');
                """);

        Map<CdcHistoryCheck.Change, Integer> changes = CdcHistoryCheck.historyChanges(analytics, "customers");
        assertThat(changes)
                .containsEntry(new CdcHistoryCheck.Change(1, "u", 20), 1)
                .containsEntry(new CdcHistoryCheck.Change(3, "d", 40), 2);

        Map<Long, RowState> source = CdcHistoryCheck.sourceStates(storefront, "customers");
        Map<Long, RowState> last =
                CdcHistoryCheck.historyStates(analytics, "customers", CdcHistoryCheck.columns(storefront, "customers"));
        OutputReport report = Comparison.compare(
                "customers_cdc last op", CdcHistoryCheck.expectedStates(source, last.keySet()), last);

        // Alice's last row equals her source row, Carl's last op is a delete, Bob was never recorded.
        assertThat(last.get(1L)).isEqualTo(source.get(1L));
        assertThat(last.get(3L)).isEqualTo(RowState.DELETED);
        assertThat(report.matching()).isEqualTo(2);
        assertThat(report.missing()).isEqualTo(1);
        assertThat(report.wrong()).isZero();

        execute(
                analytics,
                "INSERT INTO customers_cdc SELECT 2, 'Bob Ruiz', 'bob@example.com', '2 Calle', 'Madrid',"
                        + " 'Portugal', created_at, updated_at, 'c', 5, 50, 'false' FROM customers_cdc WHERE id = 3 LIMIT 1");
        Map<Long, RowState> after =
                CdcHistoryCheck.historyStates(analytics, "customers", CdcHistoryCheck.columns(storefront, "customers"));
        assertThat(Comparison.compare(
                                "customers_cdc last op", CdcHistoryCheck.expectedStates(source, after.keySet()), after)
                        .wrong())
                .isEqualTo(1);
    }

    @Test
    void historyTablesWrittenBeforeTheyHadAKeyGetItAndLoseTheirRepeatedRows() throws SQLException {
        execute(analytics, """
                CREATE TABLE payments_cdc (id bigint, amount numeric, __op text, __source_ts_ms bigint,
                    __source_lsn bigint, __deleted text);
                INSERT INTO payments_cdc VALUES
                  (7, 10, 'c', 1, 70, 'false'), (7, 10, 'c', 1, 70, 'false'), (7, 12, 'u', 2, 80, 'false'),
                  (8, 5, 'r', 1, 60, 'false'), (8, 5, 'r', 1, 60, 'false'), (8, 5, 'r', 1, 60, 'false');
                CREATE TABLE keyed_cdc (id bigint, __op text, __source_lsn bigint, PRIMARY KEY (id, __source_lsn, __op));
                """);

        List<CdcHistory.KeyAdded> added = CdcHistory.addMissingKeys(analytics);

        assertThat(added)
                .contains(new CdcHistory.KeyAdded("payments_cdc", 3))
                .extracting(CdcHistory.KeyAdded::table)
                .doesNotContain("keyed_cdc");
        assertThat(CdcHistoryCheck.historyChanges(analytics, "payments"))
                .containsOnly(
                        Map.entry(new CdcHistoryCheck.Change(7, "c", 70), 1),
                        Map.entry(new CdcHistoryCheck.Change(7, "u", 80), 1),
                        Map.entry(new CdcHistoryCheck.Change(8, "r", 60), 1));
        assertThat(CdcHistory.addMissingKeys(analytics))
                .as("a second start changes nothing")
                .isEmpty();
        execute(analytics, """
                INSERT INTO payments_cdc VALUES (7, 12, 'u', 2, 80, 'false')
                  ON CONFLICT (id, __source_lsn, __op) DO UPDATE SET amount = excluded.amount
                """);
        assertThat(CdcHistoryCheck.historyChanges(analytics, "payments"))
                .as("the sink's upsert writes a change delivered again once")
                .containsEntry(new CdcHistoryCheck.Change(7, "u", 80), 1);
        execute(analytics, "DROP TABLE payments_cdc; DROP TABLE keyed_cdc");
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
