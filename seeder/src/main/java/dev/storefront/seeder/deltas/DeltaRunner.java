package dev.storefront.seeder.deltas;

import dev.storefront.seeder.api.ConflictException;
import dev.storefront.seeder.api.SecretMask;
import dev.storefront.seeder.fakedata.FakePools;
import dev.storefront.seeder.fullload.FullLoadRequest;
import dev.storefront.seeder.fullload.FullLoader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jboss.logging.Logger;

/**
 * Runs the continuous deltas in the background: every tick (20 ms) one transaction does the operations
 * due at the asked rate, so high rates need no thread per operation.
 */
@ApplicationScoped
public class DeltaRunner {

    static final long TICK_MILLIS = 20;
    /** The base set written first when the database has no customer or no product to act on. */
    static final FullLoadRequest BASE_SET = new FullLoadRequest(100, 50, 100, FullLoadRequest.DEFAULT_BATCH, null);

    private static final Logger LOG = Logger.getLogger(DeltaRunner.class);

    private final DeltaWriter writer;
    private final FullLoader fullLoader;
    private final SecretMask secrets;
    private final AtomicLongArray totals = new AtomicLongArray(DeltaOperation.values().length);
    /** The same operations on /q/metrics as seeder_delta_operations_total{operation}, never reset. */
    private final Counter[] counters = new Counter[DeltaOperation.values().length];

    private ScheduledExecutorService scheduler;
    private volatile Run run;
    private volatile String lastError;

    /** The asked rate and the time span of the current or last run (stopNanos is 0 while running). */
    private record Run(int rate, Instant startedAt, long startNanos, long stopNanos) {}

    @Inject
    public DeltaRunner(DeltaWriter writer, FullLoader fullLoader, SecretMask secrets, MeterRegistry metrics) {
        this.writer = writer;
        this.fullLoader = fullLoader;
        this.secrets = secrets;
        for (DeltaOperation operation : DeltaOperation.values()) {
            counters[operation.ordinal()] = Counter.builder("seeder.delta.operations")
                    .description("Delta operations committed, by kind")
                    .tag("operation", operation.key())
                    .register(metrics);
        }
    }

    public synchronized DeltaStatus start(int rate) {
        if (scheduler != null) {
            throw new ConflictException(
                    "Deltas are already running at " + run.rate() + " operations/s: stop them first (POST /seed/stop)");
        }
        writeBaseSetIfEmpty();
        for (int i = 0; i < totals.length(); i++) {
            totals.set(i, 0);
        }
        lastError = null;
        SplittableRandom random = new SplittableRandom();
        FakePools pools = FakePools.fromSeed(random.nextLong());
        long startNanos = System.nanoTime();
        Pacer pacer = new Pacer(rate, startNanos);
        run = new Run(rate, Instant.now(), startNanos, 0);
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "seeder-deltas"));
        scheduler.scheduleAtFixedRate(() -> tick(pacer, random, pools), 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.infof("Deltas started at %d operations/s", rate);
        return status();
    }

    /** Stops the deltas after the tick in flight has committed; a no-op when not running. */
    public synchronized DeltaStatus stop() {
        if (scheduler != null) {
            awaitLastTick(scheduler);
            scheduler = null;
            run = new Run(run.rate(), run.startedAt(), run.startNanos(), System.nanoTime());
            LOG.infof("Deltas stopped after %d operations", totalOperations());
        }
        return status();
    }

    public DeltaStatus status() {
        Run current = run;
        Map<String, Long> operations = new LinkedHashMap<>();
        for (DeltaOperation operation : DeltaOperation.values()) {
            operations.put(operation.key(), totals.get(operation.ordinal()));
        }
        long total = totalOperations();
        double actualRate = 0;
        if (current != null) {
            long end = current.stopNanos() != 0 ? current.stopNanos() : System.nanoTime();
            double seconds = (end - current.startNanos()) / 1e9;
            actualRate = seconds > 0 ? Math.round(total / seconds * 10) / 10.0 : 0;
        }
        return new DeltaStatus(
                current != null && current.stopNanos() == 0,
                current == null ? null : current.rate(),
                actualRate,
                current == null ? null : current.startedAt(),
                operations,
                total,
                lastError,
                fullLoader.isRunning());
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    private void writeBaseSetIfEmpty() {
        boolean empty;
        try {
            empty = writer.storeIsEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the store: " + secrets.mask(e.getMessage()), e);
        }
        if (empty) {
            LOG.info("No customers or products to change: writing a base set first");
            fullLoader.load(BASE_SET);
        }
    }

    private void tick(Pacer pacer, SplittableRandom random, FakePools pools) {
        try {
            int due = pacer.due(System.nanoTime());
            if (due > 0) {
                writer.apply(due, random, pools).forEach((operation, count) -> {
                    totals.addAndGet(operation.ordinal(), count);
                    counters[operation.ordinal()].increment(count);
                });
            }
        } catch (SQLException | RuntimeException e) {
            // Keep ticking (an exception would cancel the schedule); report the cause, never a secret.
            String message = secrets.mask(rootMessage(e));
            if (!message.equals(lastError)) {
                LOG.warnf("Delta tick failed (rolled back): %s", message);
            }
            lastError = message;
        }
    }

    private long totalOperations() {
        long total = 0;
        for (int i = 0; i < totals.length(); i++) {
            total += totals.get(i);
        }
        return total;
    }

    private static void awaitLastTick(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.warn("The last delta tick did not finish within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
