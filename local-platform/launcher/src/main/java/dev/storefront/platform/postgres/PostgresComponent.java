package dev.storefront.platform.postgres;

import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.platform.Layout;
import dev.storefront.platform.lifecycle.Component;
import dev.storefront.platform.lifecycle.ComponentFailure;
import dev.storefront.platform.lifecycle.ComponentManifest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * PostgreSQL from the zonky embedded binaries, a real postgres server process with its data under PLATFORM_DIR
 * (kept between runs). Creates the platform's databases on first start; the seeder applies the migrations.
 */
public final class PostgresComponent implements Component {

    public static final String NAME = "postgres";
    /** The superuser zonky's initdb creates. */
    private static final String BOOTSTRAP_USER = "postgres";

    private final Layout layout;
    private volatile EmbeddedPostgres postgres;

    public PostgresComponent(Layout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> dependsOn() {
        return ComponentManifest.SHIPPED.spec(NAME).dependsOn();
    }

    @Override
    public List<PortClaim> ports() {
        return ComponentManifest.SHIPPED.spec(NAME).claims(layout.env());
    }

    @Override
    public void start() throws ComponentFailure {
        try {
            Path dataDir = layout.dataDir(NAME);
            Files.createDirectories(dataDir.getParent());
            Files.createDirectories(logFile().getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(layout.env().port(PlatformVariable.POSTGRES_PORT))
                    // The launcher stops PostgreSQL last, after everything that uses it.
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(
                            ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .setErrorRedirector(
                            ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    // Logical decoding for Debezium; zonky's test defaults turn durability off: turn it back on,
                    // this data is kept between runs.
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "10")
                    .setServerConfig("max_replication_slots", "10")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .start();
            createSuperuserRole();
            createDatabases();
        } catch (IOException | SQLException e) {
            throw new ComponentFailure(NAME, "cannot start: " + e.getMessage(), logFile(), e);
        }
    }

    /** zonky's cluster has the superuser postgres; POSTGRES_USER may name another one, as compose allows. */
    private void createSuperuserRole() throws SQLException {
        String user = layout.env().require(PlatformVariable.POSTGRES_USER);
        if (user.equals(BOOTSTRAP_USER)) {
            return;
        }
        try (Connection connection = connect(BOOTSTRAP_USER, "postgres");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, user);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (PreparedStatement create = connection.prepareStatement(
                    "SELECT format('CREATE ROLE %I SUPERUSER LOGIN PASSWORD %L', ?::text, ?::text)")) {
                create.setString(1, user);
                create.setString(
                        2, layout.env().get(PlatformVariable.POSTGRES_PASSWORD).orElse(""));
                try (ResultSet sql = create.executeQuery();
                        Statement statement = connection.createStatement()) {
                    sql.next();
                    statement.execute(sql.getString(1));
                }
            }
        }
    }

    private void createDatabases() throws SQLException {
        PlatformEnv env = layout.env();
        Set<String> databases = new LinkedHashSet<>();
        databases.add(env.require(PlatformVariable.POSTGRES_DB));
        databases.add(env.require(PlatformVariable.APICURIO_DB));
        env.get(PlatformVariable.ANALYTICS_DB).ifPresent(databases::add);
        try (Connection connection = connect(BOOTSTRAP_USER, "postgres")) {
            for (String database : databases) {
                try (PreparedStatement exists =
                        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
                }
            }
        }
    }

    /** A connection as POSTGRES_USER, the superuser the other components use. */
    public Connection superuserConnection(String database) throws SQLException {
        return connect(layout.env().require(PlatformVariable.POSTGRES_USER), database);
    }

    private Connection connect(String user, String database) throws SQLException {
        PlatformEnv env = layout.env();
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + env.port(PlatformVariable.POSTGRES_PORT) + "/" + database,
                user,
                env.get(PlatformVariable.POSTGRES_PASSWORD).orElse(""));
    }

    @Override
    public boolean stop() {
        EmbeddedPostgres running = postgres;
        if (running == null) {
            return true;
        }
        postgres = null;
        try {
            running.close();
            return true;
        } catch (IOException e) {
            System.err.println("postgres: stop failed: " + e.getMessage());
            return false;
        }
    }

    @Override
    public boolean isHealthy() {
        try (Connection connection = superuserConnection(layout.env().require(PlatformVariable.POSTGRES_DB));
                Statement statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public OptionalLong pid() {
        Path pidFile = layout.dataDir(NAME).resolve("postmaster.pid");
        if (postgres == null || !Files.isRegularFile(pidFile)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(
                    Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String endpoint() {
        PlatformEnv env = layout.env();
        return "postgresql://localhost:" + env.port(PlatformVariable.POSTGRES_PORT) + "/"
                + env.require(PlatformVariable.POSTGRES_DB);
    }

    @Override
    public Path logFile() {
        return layout.logFile(NAME);
    }
}
