package dev.storefront.seeder.migrations;

import static dev.storefront.seeder.testsupport.StorefrontDb.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.contract.DebeziumSignals;
import dev.storefront.seeder.testsupport.StorefrontDb;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The migrations the seeder applies at start, and the least-privilege role they give Debezium. */
@QuarkusTest
class MigrationsIT {

    private static final String SLOT = "migrations_it";

    @BeforeEach
    void emptyTables() {
        StorefrontDb.reset();
    }

    @Test
    void migrationsAreAppliedAtStart() throws IOException {
        assertThat(StorefrontDb.queryStrings(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .as("every migration of migrations/sql, in order")
                .containsExactlyElementsOf(migrationVersions());
        // Every storefront table is in the publication, so every one is captured.
        assertThat(
                        StorefrontDb.queryStrings(
                                "SELECT table_name FROM information_schema.tables"
                                        + " WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' ORDER BY table_name"))
                .containsExactlyInAnyOrderElementsOf(StorefrontDb.tables());
        assertThat(StorefrontDb.tables()).contains("customers", "order_items", "orders", "payments", "products");
    }

    @Test
    void debeziumLogsInWithItsPasswordOnly() {
        assertThatThrownBy(() -> debezium("wrong-" + debeziumPassword()).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void debeziumReadsEveryTable() throws SQLException {
        StorefrontDb.update("INSERT INTO customers (full_name, email, address, city, country)"
                + " VALUES ('Ada Lovelace', 'ada@example.com', '1 Main St', 'London', 'UK')");
        try (Connection connection = debezium(debeziumPassword());
                Statement statement = connection.createStatement()) {
            for (String table : StorefrontDb.tables()) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table).isEqualTo(table.equals("customers") ? 1 : 0);
                }
            }
        }
    }

    @Test
    void debeziumStreamsChangesThroughThePublication() throws SQLException {
        try (Connection connection = debezium(debeziumPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
            try {
                StorefrontDb.update("INSERT INTO customers (full_name, email, address, city, country)"
                        + " VALUES ('Grace Hopper', 'grace@example.com', '2 Navy Rd', 'Arlington', 'USA')");
                List<byte[]> messages = new ArrayList<>();
                try (PreparedStatement peek = connection.prepareStatement(
                        "SELECT data FROM pg_logical_slot_peek_binary_changes(?, NULL, NULL,"
                                + " 'proto_version', '1', 'publication_names', ?)")) {
                    peek.setString(1, SLOT);
                    peek.setString(2, config("quarkus.flyway.placeholders.debezium_publication"));
                    try (ResultSet rs = peek.executeQuery()) {
                        while (rs.next()) {
                            messages.add(rs.getBytes(1));
                        }
                    }
                }
                // pgoutput: B(egin), R(elation) describing the table, I(nsert) with the new tuple, C(ommit).
                assertThat(messages).extracting(message -> (char) message[0]).containsExactly('B', 'R', 'I', 'C');
                assertThat(new String(messages.get(1), StandardCharsets.ISO_8859_1))
                        .contains("customers");
                assertThat(new String(messages.get(2), StandardCharsets.ISO_8859_1))
                        .contains("grace@example.com");
            } finally {
                statement.execute("SELECT pg_drop_replication_slot('" + SLOT + "')");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "INSERT INTO customers (full_name, email, address, city, country) VALUES ('x', 'x@example.com', 'x', 'x', 'x')",
                "UPDATE products SET stock_quantity = 0",
                "DELETE FROM orders",
                "TRUNCATE payments",
                "CREATE TABLE debezium_was_here (id int)"
            })
    void debeziumCannotWrite(String write) throws SQLException {
        try (Connection connection = debezium(debeziumPassword());
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute(write))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                            .as("SQLState")
                            .isEqualTo("42501"));
        }
        assertThat(StorefrontDb.rowCounts())
                .allSatisfy((table, count) -> assertThat(count).isZero());
    }

    /** Debezium frames each incremental snapshot chunk with watermark rows it inserts into the signal table. */
    @Test
    void debeziumInsertsIntoTheSignalTableOnly() throws SQLException {
        try (Connection connection = debezium(debeziumPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + DebeziumSignals.TABLE
                    + " (id, type, data) VALUES ('window-open', 'snapshot-window-open', '{}')");
            for (String write : List.of(
                    "UPDATE " + DebeziumSignals.TABLE + " SET data = NULL",
                    "DELETE FROM " + DebeziumSignals.TABLE,
                    "CREATE TABLE debezium.debezium_was_here (id int)")) {
                assertThatThrownBy(() -> statement.execute(write))
                        .as(write)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e ->
                                assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        } finally {
            StorefrontDb.update("DELETE FROM " + DebeziumSignals.TABLE);
        }
    }

    private static Connection debezium(String password) throws SQLException {
        return StorefrontDb.connectAs(config("quarkus.flyway.placeholders.debezium_user"), password);
    }

    private static String debeziumPassword() {
        return config("quarkus.flyway.placeholders.debezium_password");
    }

    /** The versions of the shipped migrations (V<version>__<name>.sql), in version order. */
    private static List<String> migrationVersions() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../migrations/sql"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
    }
}
