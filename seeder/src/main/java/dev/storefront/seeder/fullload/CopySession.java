package dev.storefront.seeder.fullload;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * A pooled connection that copies batches, one transaction each, through PgJDBC's COPY API (the Agroal
 * wrapper unwraps to the driver's connection).
 *
 * <p>Every reference a load writes exists by construction (ids allocated by the load itself, customers
 * and products are never deleted, an order's items and payment are in the order's transaction), so each
 * batch skips the per-row FK trigger checks, most of COPY's cost, as pg_restore --disable-triggers does:
 * {@code SET LOCAL session_replication_role = replica}, which ends with the transaction and so never
 * leaks into the pool. Roles that may not set it keep the checks.
 */
final class CopySession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CopySession.class);
    private static final String SKIP_FK_TRIGGERS = "SET LOCAL session_replication_role = replica";

    private final Connection connection;
    private final CopyManager copy;
    private final boolean skipFkTriggers;

    CopySession(Connection connection) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        connection.setAutoCommit(false);
        this.skipFkTriggers = maySkipFkTriggers();
    }

    /** Copies every table of the batch in FK order, then commits. */
    void copyAndCommit(CopyBatch batch) throws SQLException {
        if (skipFkTriggers) {
            execute(SKIP_FK_TRIGGERS);
        }
        for (Map.Entry<CopyTable, CopyBuffer> entry : batch.tables().entrySet()) {
            CopyIn copyIn = copy.copyIn(entry.getKey().copyStatement());
            try {
                entry.getValue().writeTo(copyIn);
                copyIn.endCopy();
            } finally {
                if (copyIn.isActive()) {
                    copyIn.cancelCopy();
                }
            }
        }
        connection.commit();
    }

    private boolean maySkipFkTriggers() throws SQLException {
        try {
            execute(SKIP_FK_TRIGGERS);
            return true;
        } catch (SQLException e) {
            LOG.infof(
                    "Full load keeps the FK checks: the role may not set session_replication_role (%s)",
                    e.getSQLState());
            return false;
        } finally {
            connection.rollback();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } finally {
            connection.close();
        }
    }
}
