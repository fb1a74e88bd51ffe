package dev.storefront.e2e.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.contract.CdcHistory;
import dev.storefront.contract.CdcTopicNames;
import dev.storefront.contract.DebeziumSignals;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.e2e.support.CdcTopics;
import dev.storefront.e2e.support.ChangeEvent;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.SeederClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * `./platform evolve` on a platform of its own (DDL would break the shared platform's isolation) while the seeder's
 * deltas run: a drop and a rename of columns the pipeline reads are refused and leave schemas, tables and connectors
 * exactly as they were; a nullable column is added, Debezium registers a new schema version under the registry's
 * BACKWARD rule, the history table gains the column with the values written to it, and every output reconciles. Then
 * `./platform snapshot` re-reads tables while the deltas run, and a table created while streaming is captured from its
 * first row.
 */
@Order(-1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaEvolutionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int COUPONS = 20;

    private static LocalPlatform platform;
    private static SeederClient seeder;

    @BeforeAll
    static void startStreamingPlatform() {
        platform = LocalPlatform.scratch("schema-evolution");
        platform.up();
        seeder = new SeederClient(platform);
        seeder.fullLoad(200, 20, 300, 11);
        seeder.startDeltas(30);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aDropOrRenameOfAColumnThePipelineReadsIsRefusedAndChangesNothing() throws Exception {
        for (String table : List.of("orders", "customers")) {
            await(valueSubject(table) + " registered and " + CdcHistory.table(table) + " created")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> {
                        try (Connection analytics = analytics()) {
                            return !versions(valueSubject(table)).isEmpty()
                                    && !columns(analytics, CdcHistory.table(table))
                                            .isEmpty();
                        }
                    });
        }
        Map<String, Object> before = everythingEvolveCouldTouch();

        Result drop = platform.platform("evolve", "drop-order-status");
        Result rename = platform.platform("evolve", "rename-customer-email");

        assertThat(drop.exitCode()).as(drop.output()).isEqualTo(1);
        assertThat(drop.output())
                .contains("orders: - status text NOT NULL")
                .contains("orders.status is dropped (or renamed), and the pipeline")
                // The registry alone would take it: BACKWARD lets a new schema drop a field.
                .contains(valueSubject("orders") + ": the registry (rule BACKWARD) accepts the new schema")
                .contains("REFUSED: nothing was applied");
        assertThat(rename.exitCode()).as(rename.output()).isEqualTo(1);
        assertThat(rename.output())
                .contains("customers: + email_address text NOT NULL")
                .contains("customers.email is dropped (or renamed), and the pipeline")
                .contains("REFUSED: nothing was applied");
        assertThat(everythingEvolveCouldTouch()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void aNullableColumnIsAddedWhileStreamingAndEveryOutputReconciles() throws Exception {
        int versionsBefore = versions(valueSubject("orders")).size();
        Result check = platform.platform("evolve", "add-coupon-code", "--check");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("nothing was applied (--check)");
        assertThat(columns(platform.storefrontDb(), "orders")).doesNotContainKey("coupon_code");

        Result evolve = platform.platform("evolve", "add-coupon-code");

        assertThat(evolve.exitCode()).as(evolve.output()).isZero();
        assertThat(evolve.output())
                .contains("orders: + coupon_code text NULL")
                .contains(
                        "orders.coupon_code: the pipeline (order facts, revenue analytics, outbox feed) does not read")
                .contains("orders_cdc (history sink) gains column coupon_code")
                .contains(valueSubject("orders") + ": the registry (rule BACKWARD) accepts the new schema")
                .contains("Applied 1 migration(s) of add-coupon-code");
        List<Long> couponed = new ArrayList<>();
        try (Connection storefront = platform.storefrontDb();
                Statement update = storefront.createStatement();
                ResultSet rows = update.executeQuery("UPDATE orders SET coupon_code = 'SPRING-' || id, updated_at ="
                        + " now() WHERE id IN (SELECT id FROM orders ORDER BY id LIMIT " + COUPONS
                        + ") RETURNING id")) {
            while (rows.next()) {
                couponed.add(rows.getLong(1));
            }
        }
        assertThat(couponed).hasSize(COUPONS);

        await("a new schema version of " + valueSubject("orders") + " with coupon_code")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> latestSchema(valueSubject("orders")).contains("\"coupon_code\""));
        assertThat(versions(valueSubject("orders"))).hasSizeGreaterThan(versionsBefore);
        assertThat(get(platform.endpoints().registryGlobalCompatibilityUrl())
                        .path("config")
                        .asText())
                .isEqualTo("BACKWARD");
        String history = CdcHistory.table("orders");
        await(history + " with the coupons written")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> couponsInHistory(history) == COUPONS);
        try (Connection analytics = analytics()) {
            assertThat(columns(analytics, history)).containsEntry("coupon_code", "text NULL");
        }
        // The seeder applies coupons once the column is there; verify then compares each order fact's coupon.
        await("the seeder applying coupons")
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        seeder.status().path("operations").path("apply_coupon").asLong() > 0);

        awaitReconciled();

        Result again = platform.platform("evolve", "add-coupon-code");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("Applied before");
        Result unknown = platform.platform("evolve", "add-copon-code");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("add-copon-code is not a scenario (did you mean add-coupon-code?)");
    }

    @Test
    @Order(3)
    void aNotNullColumnWithADefaultIsAdded() throws Exception {
        restartDeltas();

        Result evolve = platform.platform("evolve", "add-order-channel");

        assertThat(evolve.exitCode()).as(evolve.output()).isZero();
        assertThat(evolve.output())
                .contains("orders: + channel text NOT NULL DEFAULT 'web'::text")
                .contains(valueSubject("orders") + ": the registry (rule BACKWARD) accepts the new schema");
        await("a schema of " + valueSubject("orders") + " with channel, default web")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> rowField(latestSchema(valueSubject("orders")), "channel")
                        .path("default")
                        .asText()
                        .equals("web"));
        String history = CdcHistory.table("orders");
        await(history + " with channel")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    try (Connection analytics = analytics()) {
                        return columns(analytics, history).containsKey("channel");
                    }
                });
        awaitReconciled();
    }

    @Test
    @Order(4)
    void anIntegerColumnThePipelineReadsIsWidenedToBigint() throws Exception {
        restartDeltas();
        String items = valueSubject("order_items");

        Result evolve = platform.platform("evolve", "widen-item-quantity");

        assertThat(evolve.exitCode()).as(evolve.output()).isZero();
        assertThat(evolve.output())
                .contains("order_items: quantity integer NOT NULL -> quantity bigint NOT NULL")
                .contains("order_items.quantity: the pipeline (order facts, revenue analytics, outbox feed) reads whole"
                        + " numbers of any width")
                .contains("order_items_cdc.quantity keeps its type integer")
                .contains(items + ": the registry (rule BACKWARD) accepts the new schema");
        await("a schema of " + items + " with quantity as long")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> rowField(latestSchema(items), "quantity")
                        .path("type")
                        .toString()
                        .contains("long"));
        try (Connection analytics = analytics()) {
            assertThat(columns(analytics, CdcHistory.table("order_items")))
                    .containsEntry("quantity", "integer NOT NULL");
        }
        // The seeder validates its entities against the schema when it starts: it must still start.
        Result restart = platform.platform("restart", "seeder");
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        restartDeltas();
        Thread.sleep(3000);
        awaitReconciled();
    }

    @Test
    @Order(5)
    void aSnapshotReReadsATableWhileTheDeltasRun() throws Exception {
        restartDeltas();
        CdcTopics topics = new CdcTopics(platform);
        long signalsBefore = signals();

        Result notCaptured = platform.platform("snapshot", "oders");
        Result badFilter = platform.platform("snapshot", "customers", "--where", "no_such_column > 1");

        assertThat(notCaptured.exitCode()).as(notCaptured.output()).isEqualTo(2);
        assertThat(notCaptured.output()).contains("TABLE oders is not a captured table (did you mean orders?)");
        assertThat(badFilter.exitCode()).as(badFilter.output()).isEqualTo(2);
        assertThat(badFilter.output()).contains("--where no_such_column > 1: PostgreSQL refuses it");
        assertThat(signals()).as("no signal sent").isEqualTo(signalsBefore);

        Map<Long, Long> orderReads = reads(topics, "orders");
        Map<Long, Long> customerReads = reads(topics, "customers");
        long signalLsn;
        try (Connection storefront = platform.storefrontDb()) {
            signalLsn = count(storefront, "SELECT pg_current_wal_lsn() - '0/0'");
        }
        // The ids after the position: an order the deltas delete in between is then either not listed or deleted
        // after it (listed first, its delete could fall before the position: never read again, never changed since).
        List<Long> orderIds = ids("orders");
        Result orders = platform.platform("snapshot", "orders");
        Result someCustomers = platform.platform("snapshot", "customers", "--where", "id <= 10");

        assertThat(orders.exitCode()).as(orders.output()).isZero();
        assertThat(orders.output()).containsPattern("re-reads \\d+ row\\(s\\) of public.orders while it streams");
        assertThat(someCustomers.exitCode()).as(someCustomers.output()).isZero();
        assertThat(someCustomers.output()).contains("re-reads 10 row(s) of public.customers where id <= 10");
        // Every order of the signal's time is read once more (op r), unless a change of it streamed meanwhile: a
        // change in a chunk's window drops the chunk's read of that row, the newer change wins.
        await("every order read again while the deltas run")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> reReadOrChangedSince(topics, "orders", orderReads, signalLsn)
                        .containsAll(orderIds));
        Map<Long, Long> ordersNow = reads(topics, "orders");
        assertThat(orderIds.stream().filter(id -> ordersNow.getOrDefault(id, 0L) > orderReads.getOrDefault(id, 0L)))
                .as("orders read again as op r (the rest changed meanwhile)")
                .hasSizeGreaterThan(orderIds.size() * 9 / 10);
        await("customers 1 to 10 read again, no other")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    Set<Long> reRead = reReadOrChangedSince(topics, "customers", customerReads, signalLsn);
                    return LongStream.rangeClosed(1, 10).allMatch(reRead::contains);
                });
        Map<Long, Long> customersNow = reads(topics, "customers");
        assertThat(customersNow.keySet())
                .allSatisfy(id -> assertThat(customersNow.get(id))
                        .as("reads of customer " + id)
                        .isLessThanOrEqualTo(customerReads.getOrDefault(id, 0L) + (id <= 10 ? 1 : 0)));
        awaitReconciled();
        try (Connection analytics = analytics()) {
            // The history records the reads, in today's shape: coupon_code came after the first snapshot.
            assertThat(count(
                            analytics,
                            "SELECT count(*) FROM " + CdcHistory.table("orders")
                                    + " WHERE __op = 'r' AND coupon_code IS NOT NULL"))
                    .isPositive();
        }
    }

    @Test
    @Order(6)
    void aTableCreatedWhileStreamingIsCapturedFromItsFirstRow() throws Exception {
        restartDeltas();
        // Inserts into shipments from the moment the table exists, for a second, each row its own transaction.
        CompletableFuture<List<Long>> firstSecond = CompletableFuture.supplyAsync(SchemaEvolutionIT::insertShipments);

        Result evolve = platform.platform("evolve", "add-shipments-table");

        assertThat(evolve.exitCode()).as(evolve.output()).isZero();
        assertThat(evolve.output())
                .contains("new captured table shipments")
                .contains("shipments: a new captured table. Debezium streams it from its first row")
                .contains("Applied 1 migration(s) of add-shipments-table");
        List<Long> inserted = firstSecond.get(2, TimeUnit.MINUTES);
        assertThat(inserted).as("rows inserted in the first second").hasSizeGreaterThan(10);
        CdcTopics topics = new CdcTopics(platform);
        await("every shipment of the first second in " + topics.topic("shipments") + " and the history")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    try (Connection analytics = analytics()) {
                        return columns(analytics, CdcHistory.table("shipments")).size() > 0
                                && historyInserts(analytics).containsAll(inserted);
                    }
                });
        assertThat(topics.events("shipments"))
                .filteredOn(event -> event.op().equals("c"))
                .extracting(event -> event.id())
                .containsAll(inserted);
        awaitReconciled();
        assertThat(platform.platform("verify").output()).contains(CdcHistory.table("shipments"));
    }

    /** Waits for the table, then inserts shipments for a second: the ids inserted. */
    private static List<Long> insertShipments() {
        List<Long> ids = new ArrayList<>();
        try (Connection storefront = platform.storefrontDb();
                Statement statement = storefront.createStatement()) {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (count(storefront, "SELECT count(*) FROM pg_tables WHERE tablename = 'shipments'") == 0) {
                assertThat(System.nanoTime())
                        .as("shipments created within a minute")
                        .isLessThan(deadline);
                Thread.sleep(5);
            }
            long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < end) {
                try (ResultSet id = statement.executeQuery("INSERT INTO shipments (order_id, carrier, tracking_code)"
                        + " SELECT max(id), 'parcel-post', md5(random()::text) FROM orders RETURNING id")) {
                    id.next();
                    ids.add(id.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static List<Long> historyInserts(Connection analytics) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = analytics.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT id FROM " + CdcHistory.table("shipments") + " WHERE __op = 'c'")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    /** The rows read again since {@code readsBefore}, and those with a change streamed after {@code lsn}. */
    private static Set<Long> reReadOrChangedSince(
            CdcTopics topics, String table, Map<Long, Long> readsBefore, long lsn) {
        Set<Long> ids = new HashSet<>();
        Map<Long, Long> reads = new HashMap<>();
        for (ChangeEvent event : topics.events(table)) {
            if (event.op().equals("r")) {
                reads.merge(event.id(), 1L, Long::sum);
            } else if (event.lsn() > lsn) {
                ids.add(event.id());
            }
        }
        reads.forEach((id, count) -> {
            if (count > readsBefore.getOrDefault(id, 0L)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** How many snapshot reads (op r) of each row the table's topic holds. */
    private static Map<Long, Long> reads(CdcTopics topics, String table) {
        Map<Long, Long> reads = new HashMap<>();
        topics.events(table).stream()
                .filter(event -> event.op().equals("r"))
                .forEach(event -> reads.merge(event.id(), 1L, Long::sum));
        return reads;
    }

    private static List<Long> ids(String table) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection storefront = platform.storefrontDb();
                Statement statement = storefront.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM " + table)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static long signals() throws SQLException {
        try (Connection storefront = platform.storefrontDb()) {
            return count(storefront, "SELECT count(*) FROM " + DebeziumSignals.TABLE);
        }
    }

    /** The deltas at the test's rate, however an earlier test left them. */
    private static void restartDeltas() {
        seeder.stopDeltas();
        seeder.startDeltas(30);
    }

    /** Stops the deltas, then `./platform verify` until every output matches. */
    private static void awaitReconciled() {
        seeder.stopDeltas();
        Result[] verify = new Result[1];
        await("every output reconciled after the evolution")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(3))
                .until(() -> (verify[0] = platform.platform("verify")).exitCode() == 0);
        assertThat(verify[0].output()).doesNotContain("DIFFERS");
    }

    /** A field of the row record (the {@code before} type) of a Debezium value schema. */
    private static JsonNode rowField(String schema, String name) throws IOException {
        for (JsonNode field :
                JSON.readTree(schema).path("fields").get(0).path("type").get(1).path("fields")) {
            if (field.path("name").asText().equals(name)) {
                return field;
            }
        }
        return JSON.createObjectNode();
    }

    /** The storefront's and the history's columns, the registry's subjects and versions, the connectors' configs. */
    private static Map<String, Object> everythingEvolveCouldTouch() throws Exception {
        Map<String, Object> state = new LinkedHashMap<>();
        try (Connection storefront = platform.storefrontDb();
                Connection analytics = analytics()) {
            for (String table : List.of("orders", "customers")) {
                state.put(table, columns(storefront, table));
                state.put(CdcHistory.table(table), columns(analytics, CdcHistory.table(table)));
                state.put(valueSubject(table), versions(valueSubject(table)));
            }
            state.put(
                    "evolution schema",
                    count(storefront, "SELECT count(*) FROM pg_namespace WHERE nspname = 'evolution'"));
        }
        for (JsonNode name : get(platform.endpoints().connectUrl() + "/connectors")) {
            state.put(
                    name.asText(), get(platform.endpoints().connectUrl() + "/connectors/" + name.asText() + "/config"));
        }
        return state;
    }

    private static Map<String, String> columns(Connection db, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT column_name, data_type, is_nullable FROM"
                + " information_schema.columns WHERE table_schema = 'public' AND table_name = ? ORDER BY"
                + " ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.put(
                            rows.getString(1),
                            rows.getString(2) + ("YES".equals(rows.getString(3)) ? " NULL" : " NOT NULL"));
                }
            }
        }
        return columns;
    }

    private static long couponsInHistory(String history) throws SQLException {
        try (Connection analytics = analytics()) {
            if (!columns(analytics, history).containsKey("coupon_code")) {
                return -1;
            }
            return count(
                    analytics, "SELECT count(DISTINCT id) FROM " + history + " WHERE coupon_code = 'SPRING-' || id");
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection analytics() throws SQLException {
        return platform.database(platform.env().require(PlatformVariable.ANALYTICS_DB));
    }

    private static String valueSubject(String table) {
        return CdcTopicNames.of(platform.env()).table(table) + "-value";
    }

    private static List<Integer> versions(String subject) throws IOException, InterruptedException {
        List<Integer> versions = new ArrayList<>();
        registry("/subjects/" + encode(subject) + "/versions").forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    private static String latestSchema(String subject) throws IOException, InterruptedException {
        return registry("/subjects/" + encode(subject) + "/versions/latest")
                .path("schema")
                .asText();
    }

    private static JsonNode registry(String path) throws IOException, InterruptedException {
        return get(platform.endpoints().registryCcompatUrl() + path);
    }

    /** A JSON answer; a missing resource as an empty array. */
    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return JSON.createArrayNode();
        }
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
