package dev.storefront.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Drops a deleted connector's logical replication slot: Debezium leaves it behind, and an orphan slot keeps
 * PostgreSQL from recycling WAL. Waits until the connector's stopping task has released it, because an active slot
 * cannot be dropped. The one place that does this (connect-init's {@code delete --drop-slot}, the benchmark).
 */
public final class ReplicationSlots {

    private static final Duration POLL = Duration.ofMillis(250);
    /** The slot became active again (object_in_use) or vanished (undefined_object) since the check: look again. */
    private static final Set<String> RACES = Set.of("55006", "42704");

    public enum Outcome {
        DROPPED,
        NOT_FOUND
    }

    /** The slot is still held by a backend when the wait ends. */
    public static final class StillInUse extends Exception {
        public StillInUse(String slot, int pid, Duration waited) {
            super("Replication slot " + slot + " is still in use (backend pid " + pid + ") after " + waited.toSeconds()
                    + " s; it was not dropped. Is another connector or client reading it?");
        }
    }

    private ReplicationSlots() {}

    /**
     * Drops {@code slot} over {@code connection} (a superuser's) once no backend holds it, waiting up to
     * {@code timeout}; {@code waiting} hears once that it waits, with the holder's pid.
     */
    public static Outcome drop(Connection connection, String slot, Duration timeout, Consumer<String> waiting)
            throws SQLException, StillInUse, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
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
                throw new StillInUse(slot, activePid, timeout);
            }
            if (!announced) {
                waiting.accept(
                        "waiting for replication slot " + slot + " to be released (backend pid " + activePid + ")");
                announced = true;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** A slot as `./platform status` shows it: whether a reader holds it, and how much WAL it keeps the server from recycling. */
    public record SlotState(String slot, boolean active, long retainedWalBytes) {

        public String describe() {
            return "replication slot " + slot + ": " + (active ? "active" : "INACTIVE (no reader)") + ", retains "
                    + mebibytes(retainedWalBytes) + " of WAL";
        }

        private static String mebibytes(long bytes) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
        }
    }

    /** The slot's state, or empty when there is no such slot. */
    public static Optional<SlotState> state(Connection connection, String slot) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT active,"
                + " coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint"
                + " FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, slot);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new SlotState(slot, row.getBoolean(1), row.getLong(2)))
                        : Optional.empty();
            }
        }
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
