package dev.storefront.seeder.fullload;

import org.jboss.logging.Logger;

/** Logs a long load's progress, at most every two seconds, so a big load shows it is alive. Thread-safe. */
final class ProgressLog {

    private static final Logger LOG = Logger.getLogger(ProgressLog.class);
    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final long totalEntities;
    private final long startNanos;
    private long lastLogNanos;
    private long entities;
    private long rows;

    ProgressLog(long totalEntities, long startNanos) {
        this.totalEntities = totalEntities;
        this.startNanos = startNanos;
        this.lastLogNanos = startNanos;
    }

    synchronized void advance(long entitiesDone, long rowsWritten, long nowNanos) {
        entities += entitiesDone;
        rows += rowsWritten;
        if (nowNanos - lastLogNanos >= INTERVAL_NANOS) {
            lastLogNanos = nowNanos;
            LOG.infof(
                    "Full load: %d/%d customers+products+orders, %d rows, %d rows/s",
                    entities, totalEntities, rows, rowsPerSecond(rows, nowNanos - startNanos));
        }
    }

    static long rowsPerSecond(long rows, long elapsedNanos) {
        return elapsedNanos <= 0 ? rows : Math.round(rows * 1e9 / elapsedNanos);
    }
}
