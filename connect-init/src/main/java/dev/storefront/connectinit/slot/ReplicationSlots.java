package dev.storefront.connectinit.slot;

import dev.storefront.connectinit.CliFailure;
import dev.storefront.connectinit.DurationText;
import dev.storefront.connectinit.ExitCode;
import dev.storefront.connectinit.secret.SecretMasker;
import dev.storefront.env.PlatformEnv;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;

/**
 * Drops a deleted connector's logical replication slot (Debezium leaves it behind, and an orphan slot
 * keeps PostgreSQL from recycling WAL). Connects as the superuser; waits until the connector's task has
 * released the slot, because an active slot cannot be dropped.
 */
public final class ReplicationSlots {

    private static final Duration POLL = Duration.ofMillis(250);
    /** The slot became active again (object_in_use) or vanished (undefined_object) since the check: look again. */
    private static final Set<String> RACES = Set.of("55006", "42704");

    public enum Outcome { DROPPED, NOT_FOUND }

    private final String url;
    private final String user;
    private final String password;
    private final SecretMasker masker;

    public ReplicationSlots(PlatformEnv env, SecretMasker masker) {
        this.url = "jdbc:postgresql://" + env.require("POSTGRES_HOST") + ":" + env.port("POSTGRES_PORT") + "/"
                + env.require("POSTGRES_DB");
        this.user = env.require("POSTGRES_USER");
        this.password = env.require("POSTGRES_PASSWORD");
        this.masker = masker;
    }

    public Outcome drop(String slot, Duration timeout, PrintWriter out) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = connect()) {
            boolean announced = false;
            while (true) {
                Integer activePid = activePid(connection, slot);
                if (activePid == null) {
                    return Outcome.NOT_FOUND;
                }
                if (activePid == 0 && tryDrop(connection, slot)) {
                    return Outcome.DROPPED;
                }
                if (System.nanoTime() > deadline) {
                    throw new CliFailure(ExitCode.DATABASE, "Replication slot " + slot + " is still in use (backend"
                            + " pid " + activePid + ") after " + DurationText.format(timeout) + "; it was not dropped."
                            + " Is another connector or client reading it?");
                }
                if (!announced) {
                    out.println("waiting for replication slot " + slot + " to be released (backend pid " + activePid
                            + ")");
                    out.flush();
                    announced = true;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (SQLException e) {
            throw new CliFailure(ExitCode.DATABASE, "Cannot drop replication slot " + slot + " at " + url + " as "
                    + user + ": " + masker.maskText(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.DATABASE, "Interrupted while waiting for replication slot " + slot);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(url, properties);
    }

    /** null when there is no such slot, 0 when it is inactive, else the pid of the backend holding it. */
    private static Integer activePid(Connection connection, String slot) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT coalesce(active_pid, 0) FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, slot);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        }
    }

    private static boolean tryDrop(Connection connection, String slot) throws SQLException {
        try (PreparedStatement drop = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
            drop.setString(1, slot);
            drop.execute();
            return true;
        } catch (SQLException e) {
            if (RACES.contains(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
