package dev.storefront.benchmark.phase;

import dev.storefront.benchmark.BenchContext;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's own ceiling for moving the same rows: a COPY per table, each on its own connection, as many at a time
 * as there are cores, timed together.
 */
final class CopyCeiling {

    /** One table's COPY; returns the rows it moved. */
    interface Copy {
        long run(CopyManager copy) throws Exception;
    }

    private CopyCeiling() {}

    /** Rows per second of the copies run together; they must move {@code expectedRows} in all. */
    static double rowsPerSecond(BenchContext ctx, Map<String, Copy> copies, long expectedRows) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            long start = System.nanoTime();
            List<Future<Long>> running = new ArrayList<>();
            copies.values()
                    .forEach(copy -> running.add(pool.submit(() -> {
                        try (Connection connection = ctx.platform().database()) {
                            return copy.run(
                                    connection.unwrap(PGConnection.class).getCopyAPI());
                        }
                    })));
            long moved = 0;
            for (Future<Long> copy : running) {
                moved += copy.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (moved != expectedRows) {
                throw new IllegalStateException("the COPY ceiling moved " + moved + " rows of tables " + copies.keySet()
                        + ", not " + expectedRows);
            }
            return moved / seconds;
        } finally {
            pool.shutdown();
        }
    }
}
