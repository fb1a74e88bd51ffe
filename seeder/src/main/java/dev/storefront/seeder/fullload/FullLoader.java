package dev.storefront.seeder.fullload;

import dev.storefront.seeder.api.ConflictException;
import dev.storefront.seeder.fakedata.FakePools;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Writes a full load with COPY, one transaction per batch: customers and products, then orders with
 * their items and payment. Ids are allocated from the sequences per batch, in load order, so orders can
 * reference the customers and products of this load, concurrent writers (the deltas) never collide with
 * them, and a seeded load is reproducible while batches are copied on several connections at once.
 */
@ApplicationScoped
public class FullLoader {

    /** Seeded loads date their rows back from this fixed instant, so the same seed gives the same rows. */
    static final Instant SEEDED_ANCHOR = Instant.parse("2025-01-01T00:00:00Z");
    /** COPY connections at most: one per core, leaving the pool room for the deltas and the API. */
    private static final int MAX_COPY_CONNECTIONS = 4;

    private static final Logger LOG = Logger.getLogger(FullLoader.class);

    private final AgroalDataSource dataSource;
    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    public FullLoader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Runs a load; a second one while the first runs is refused (409). */
    public FullLoadResult load(FullLoadRequest request) {
        if (!running.compareAndSet(false, true)) {
            throw new ConflictException("A full load is already running: wait for it to finish, then retry");
        }
        try {
            return write(request);
        } catch (SQLException e) {
            throw new IllegalStateException("Full load failed: " + e.getMessage(), e);
        } finally {
            running.set(false);
        }
    }

    private FullLoadResult write(FullLoadRequest request) throws SQLException {
        long startNanos = System.nanoTime();
        long seed = request.seed() != null
                ? request.seed()
                : ThreadLocalRandom.current().nextLong();
        Instant anchor = request.seed() != null ? SEEDED_ANCHOR : Instant.now();
        StorefrontRows rows =
                new StorefrontRows(seed, anchor, FakePools.fromSeed(seed), request.customers(), request.products());
        int connections = Math.min(MAX_COPY_CONNECTIONS, Runtime.getRuntime().availableProcessors());
        ProgressLog progress = new ProgressLog(request.entities(), startNanos);
        Map<CopyTable, Long> written;
        try (Sequences sequences = new Sequences(dataSource.getConnection());
                CopyWorkers copies = new CopyWorkers(dataSource, connections, progress)) {
            Batches batches = new Batches(sequences, copies, request.batchSize());
            AllocatedIds customerIds = batches.load(CopyTable.CUSTOMERS, request.customers(), (from, ids, batch) -> {
                for (int i = 0; i < ids.length; i++) {
                    rows.writeCustomer(from + i, ids[i], batch.rows(CopyTable.CUSTOMERS));
                }
            });
            AllocatedIds productIds = batches.load(CopyTable.PRODUCTS, request.products(), (from, ids, batch) -> {
                for (int i = 0; i < ids.length; i++) {
                    rows.writeProduct(from + i, ids[i], batch.rows(CopyTable.PRODUCTS));
                }
            });
            copies.awaitCommitted();
            batches.load(CopyTable.ORDERS, request.orders(), (from, ids, batch) -> {
                OrderRow[] orders = new OrderRow[ids.length];
                int items = 0;
                for (int i = 0; i < ids.length; i++) {
                    orders[i] = rows.order(from + i);
                    items += orders[i].items().size();
                }
                IdCursor itemIds = new IdCursor(sequences.allocate(CopyTable.ORDER_ITEMS, items));
                long[] paymentIds = sequences.allocate(CopyTable.PAYMENTS, ids.length);
                for (int i = 0; i < ids.length; i++) {
                    rows.writeOrder(orders[i], ids[i], itemIds, paymentIds[i], customerIds, productIds, batch);
                }
            });
            copies.awaitCommitted();
            written = copies.written();
        }
        return result(request, written, System.nanoTime() - startNanos);
    }

    private static FullLoadResult result(FullLoadRequest request, Map<CopyTable, Long> written, long elapsedNanos) {
        Map<String, Long> rows = new LinkedHashMap<>();
        written.forEach((table, count) -> rows.put(table.table(), count));
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        long rowsPerSecond = ProgressLog.rowsPerSecond(total, elapsedNanos);
        long durationMs = elapsedNanos / 1_000_000;
        LOG.infof("Full load done: %d rows in %d ms (%d rows/s)", total, durationMs, rowsPerSecond);
        return new FullLoadResult(rows, total, durationMs, rowsPerSecond, request.seed());
    }

    /** Fills a batch with the rows of the entities from position {@code from}, whose ids are {@code ids}. */
    @FunctionalInterface
    private interface BatchFiller {
        void fill(int from, long[] ids, CopyBatch batch) throws SQLException;
    }

    /** The batch loop shared by every table: allocate the batch's ids, fill it, hand it to a COPY worker. */
    private record Batches(Sequences sequences, CopyWorkers copies, int batchSize) {

        AllocatedIds load(CopyTable table, int count, BatchFiller filler) throws SQLException {
            AllocatedIds allocated = new AllocatedIds();
            for (int from = 0; from < count; from += batchSize) {
                long[] ids = sequences.allocate(table, Math.min(batchSize, count - from));
                CopyBatch batch = new CopyBatch(ids.length);
                filler.fill(from, ids, batch);
                copies.submit(batch);
                allocated.addAll(ids);
            }
            return allocated;
        }
    }
}
