package dev.storefront.platform.postgres;

import dev.storefront.contract.CdcHistory;
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
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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
    /** After an unclean stop PostgreSQL replays its WAL before it accepts connections. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** How long a restart waits for the old server's processes to be gone and the new one to start. */
    private static final Duration RESTART_WAIT = Duration.ofSeconds(60);
    /** The file zonky's EmbeddedPostgres locks in the data directory while its instance lives. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private final Layout layout;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean startedBefore;

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
    public void start() throws ComponentFailure, InterruptedException {
        releaseCrashed();
        try {
            Path dataDir = layout.dataDir(NAME);
            Files.createDirectories(dataDir.getParent());
            Files.createDirectories(logFile().getParent());
            // A start after a crash or a stop in this launcher: what is left of that server may still be going away.
            postgres = startedBefore ? startAgain(dataDir) : startServer(dataDir);
            startedBefore = true;
            createSuperuserRole();
            createDatabases();
            keyHistoryTables();
        } catch (IOException | SQLException e) {
            throw new ComponentFailure(NAME, "cannot start: " + e.getMessage(), logFile(), e);
        }
    }

    private EmbeddedPostgres startServer(Path dataDir) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(layout.env().port(PlatformVariable.POSTGRES_PORT))
                // After an unclean stop PostgreSQL replays its WAL before it accepts connections: give it time.
                .setPGStartupWait(STARTUP_WAIT)
                // The launcher stops PostgreSQL last, after everything that uses it.
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                // Logical decoding for Debezium; zonky's test defaults turn durability off: turn it back on,
                // this data is kept between runs.
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_wal_senders", "10")
                .setServerConfig("max_replication_slots", "10")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start();
    }

    /**
     * After a crash the postmaster's backends notice it is gone and exit within moments (after a stop, pg_ctl may give
     * up waiting before the last has); until then a new postmaster refuses the data directory ("pre-existing shared
     * memory block is still in use"). So: wait until no process works in the data directory, then start, trying again
     * for a while. After a crash PostgreSQL recovers from its WAL by itself, committed transactions included.
     */
    private EmbeddedPostgres startAgain(Path dataDir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RESTART_WAIT.toNanos();
        Path realDataDir = dataDir.toRealPath();
        while (!processesWorkingIn(realDataDir).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        while (true) {
            // zonky locks this file for as long as its instance lives; the crashed instance's lock is still held by
            // this JVM, and so would be one of a failed attempt: each attempt locks a new file.
            Files.deleteIfExists(dataDir.resolve(ZONKY_LOCK_FILE));
            try {
                return startServer(dataDir);
            } catch (IOException | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
                Thread.sleep(1000);
            }
        }
    }

    /** The processes working in {@code dir} (a real path): a PostgreSQL server's processes all work in its data. */
    private static List<Long> processesWorkingIn(Path dir) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return List.of();
        }
        return ProcessHandle.allProcesses()
                .filter(process -> {
                    try {
                        return Files.readSymbolicLink(proc.resolve(process.pid() + "/cwd"))
                                .equals(dir);
                    } catch (IOException | RuntimeException e) {
                        return false;
                    }
                })
                .map(ProcessHandle::pid)
                .toList();
    }

    /**
     * Lets go of a server that died under the launcher, if any. Not by zonky's close: its pg_ctl stop would signal
     * whichever process has the dead postmaster's pid by now. Its lock file stays open until the garbage collector
     * closes it, which {@link #startAgain} works around.
     */
    private void releaseCrashed() {
        postgres = null;
    }

    /** History tables an earlier sink wrote without a key get it now (the sink upserts on it). */
    private void keyHistoryTables() throws SQLException {
        Optional<String> analytics = layout.env().get(PlatformVariable.ANALYTICS_DB);
        if (analytics.isEmpty()) {
            return;
        }
        try (Connection connection = superuserConnection(analytics.get())) {
            for (CdcHistory.KeyAdded added : CdcHistory.addMissingKeys(connection)) {
                System.out.println("postgres: history table " + added.table() + " now has its key ("
                        + String.join(", ", CdcHistory.KEY_COLUMNS) + "); " + added.repeatedRowsDropped()
                        + " repeated rows dropped");
            }
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

    /** The postmaster's pid while it runs: after a crash its postmaster.pid file is left behind, naming a dead pid. */
    @Override
    public OptionalLong pid() {
        Path pidFile = layout.dataDir(NAME).resolve("postmaster.pid");
        if (postgres == null || !Files.isRegularFile(pidFile)) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
                    ? OptionalLong.of(pid)
                    : OptionalLong.empty();
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
