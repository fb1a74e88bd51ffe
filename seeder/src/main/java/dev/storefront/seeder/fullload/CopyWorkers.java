package dev.storefront.seeder.fullload;

import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Copies batches on several connections at once: PostgreSQL spends a core per COPY, so one connection
 * per core multiplies throughput. At most one batch per connection is in flight, which bounds memory.
 */
final class CopyWorkers implements AutoCloseable {

    private final int size;
    private final ExecutorService executor;
    private final BlockingQueue<CopySession> sessions;
    private final Semaphore inFlight;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Map<CopyTable, Long> written = new EnumMap<>(CopyTable.class);
    private final ProgressLog progress;

    CopyWorkers(AgroalDataSource dataSource, int size, ProgressLog progress) throws SQLException {
        this.size = size;
        this.progress = progress;
        this.sessions = new ArrayBlockingQueue<>(size);
        this.inFlight = new Semaphore(size);
        for (CopyTable table : CopyTable.values()) {
            written.put(table, 0L);
        }
        try {
            for (int i = 0; i < size; i++) {
                sessions.add(new CopySession(dataSource.getConnection()));
            }
        } catch (SQLException e) {
            closeSessions();
            throw e;
        }
        this.executor = Executors.newFixedThreadPool(size, task -> new Thread(task, "seeder-copy"));
    }

    /** Queues a batch, waiting while every connection is busy; fails fast once a batch has failed. */
    void submit(CopyBatch batch) throws SQLException {
        throwIfFailed();
        acquire(1);
        executor.execute(() -> {
            CopySession session = sessions.remove();
            try {
                session.copyAndCommit(batch);
                committed(batch);
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            } finally {
                sessions.add(session);
                inFlight.release();
            }
        });
    }

    /** Waits until every queued batch is committed (e.g. customers and products before their orders). */
    void awaitCommitted() throws SQLException {
        acquire(size);
        inFlight.release(size);
        throwIfFailed();
    }

    synchronized Map<CopyTable, Long> written() {
        return new EnumMap<>(written);
    }

    private synchronized void committed(CopyBatch batch) {
        long rows = 0;
        for (Map.Entry<CopyTable, CopyBuffer> entry : batch.tables().entrySet()) {
            written.merge(entry.getKey(), entry.getValue().rows(), Long::sum);
            rows += entry.getValue().rows();
        }
        progress.advance(batch.entities(), rows, System.nanoTime());
    }

    private void acquire(int permits) {
        try {
            inFlight.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for COPY batches", e);
        }
    }

    private void throwIfFailed() throws SQLException {
        Exception e = failure.get();
        if (e instanceof SQLException sql) {
            throw sql;
        }
        if (e != null) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Lets the batches in flight finish (or fail), then returns the connections to the pool. */
    @Override
    public void close() throws SQLException {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeSessions();
    }

    private void closeSessions() throws SQLException {
        List<SQLException> errors = new ArrayList<>();
        for (CopySession session : sessions) {
            try {
                session.close();
            } catch (SQLException e) {
                errors.add(e);
            }
        }
        sessions.clear();
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
    }
}
