package dev.storefront.connectinit;

import static dev.storefront.connectinit.CliFixture.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storefront.connectinit.CliFixture.Result;
import dev.storefront.connectinit.FakeConnect.Snapshot;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

/**
 * `delete --drop-slot` against a real PostgreSQL (wal_level=logical): the connector's logical replication
 * slot is dropped once nothing holds it, and a missing slot is fine. Connect is the in-process fake.
 */
class DeleteWithDropSlotIT {

    private static final String SLOT = "shop_slot";
    private static final String PUBLICATION = "shop_publication";

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    private FakeConnect connect;
    private CliFixture cli;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "4")
                .setServerConfig("max_wal_senders", "4")
                .start();
        execute("CREATE PUBLICATION " + PUBLICATION + " FOR ALL TABLES");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void setUp() {
        connect = FakeConnect.start();
        connect.register(SOURCE, Map.of("connector.class", "X", "name", SOURCE), Snapshot.running());
        cli = new CliFixture(dir).connect(connect);
        cli.environment.putAll(Map.of(
                "POSTGRES_HOST",
                "localhost",
                "POSTGRES_PORT",
                String.valueOf(postgres.getPort()),
                "POSTGRES_DB",
                "postgres",
                "POSTGRES_USER",
                "postgres"));
    }

    @AfterEach
    void tearDown() throws Exception {
        connect.close();
        execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE NOT active");
    }

    @Test
    void dropsTheSlotOfTheDeletedConnector() throws Exception {
        execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");

        Result result = cli.run("delete", "--drop-slot", SOURCE);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains(SOURCE + ": deleted", SOURCE + ": replication slot " + SLOT + " dropped");
        assertThat(connect.config(SOURCE)).isNull();
        assertThat(slotExists()).isFalse();
    }

    @Test
    void waitsUntilTheStoppingTaskReleasesTheSlot() throws Exception {
        execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
        Connection reader = replicationConnection();
        PGReplicationStream stream = reader.unwrap(PGConnection.class)
                .getReplicationAPI()
                .replicationStream()
                .logical()
                .withSlotName(SLOT)
                .withSlotOption("proto_version", 1)
                .withSlotOption("publication_names", PUBLICATION)
                .start();
        await().atMost(Duration.ofSeconds(10)).until(DeleteWithDropSlotIT::slotActive);
        CompletableFuture<Void> release = CompletableFuture.runAsync(
                () -> close(stream, reader), CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));

        Result result = cli.run("delete", "--drop-slot", SOURCE);

        release.join();
        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(result.out())
                .contains(
                        "waiting for replication slot " + SLOT + " to be released",
                        SOURCE + ": replication slot " + SLOT + " dropped");
        assertThat(slotExists()).isFalse();
    }

    @Test
    void slotHeldBeyondTheTimeoutIsADatabaseErrorAndStays() throws Exception {
        execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
        cli.timeout = "1s";
        try (Connection reader = replicationConnection();
                PGReplicationStream stream = reader.unwrap(PGConnection.class)
                        .getReplicationAPI()
                        .replicationStream()
                        .logical()
                        .withSlotName(SLOT)
                        .withSlotOption("proto_version", 1)
                        .withSlotOption("publication_names", PUBLICATION)
                        .start()) {
            await().atMost(Duration.ofSeconds(10)).until(DeleteWithDropSlotIT::slotActive);

            Result result = cli.run("delete", "--drop-slot", SOURCE);

            assertThat(result.exitCode()).isEqualTo(ExitCode.DATABASE);
            assertThat(result.err()).contains("Replication slot " + SLOT + " is still in use", "it was not dropped");
            assertThat(slotExists()).isTrue();
        }
    }

    @Test
    void aMissingSlotIsFine() throws Exception {
        Result result = cli.run("delete", "--drop-slot");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains(SOURCE + ": replication slot " + SLOT + " did not exist, nothing to drop");
        assertThat(slotExists()).isFalse();
    }

    private static Connection replicationConnection() throws SQLException {
        Properties properties = new Properties();
        PGProperty.USER.set(properties, "postgres");
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), properties);
    }

    private static void close(PGReplicationStream stream, Connection connection) {
        try (connection) {
            stream.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean slotExists() throws SQLException {
        return query("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'") > 0;
    }

    private static boolean slotActive() throws SQLException {
        return query("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + SLOT + "' AND active") > 0;
    }

    private static long query(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
