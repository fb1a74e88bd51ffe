package dev.storefront.benchmark.phase;

import static dev.storefront.benchmark.BenchContext.progress;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.storefront.benchmark.BenchContext;
import dev.storefront.benchmark.platform.CpuWindow;
import dev.storefront.benchmark.platform.JfrProfile;
import dev.storefront.benchmark.report.Figure;
import dev.storefront.benchmark.report.PhaseResult;
import dev.storefront.benchmark.report.Target;
import dev.storefront.contract.CdcTopicNames;
import dev.storefront.contract.PlatformVariable;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

/**
 * Streaming CDC: bulk UPDATE batches of payments (the pipeline does not read them) as fast as PostgreSQL commits
 * them, with the sink connectors paused, so that capture runs alone; Debezium's rate is the changes over the time
 * from the first batch to the last event in Kafka. The sinks then catch up. The ceiling: the same changes decoded by
 * PostgreSQL's pgoutput with the same publication, read by a plain PgJDBC replication client from its own temporary
 * slot, created before the updates.
 */
public final class StreamingPhase {

    /** Capture alone: at least half of what pgoutput decodes of the same changes in the same run. */
    static final Target TARGET = Target.atLeastOfCeiling(0.5);

    static final int BATCH = 10_000;

    private StreamingPhase() {}

    public static PhaseResult run(BenchContext ctx) throws Exception {
        String topic = CdcTopicNames.of(ctx.platform().env()).table("payments");
        String slot = "bench_decode_" + ProcessHandle.current().pid();
        try (Connection replication = replicationConnection(ctx)) {
            PGConnection pg = replication.unwrap(PGConnection.class);
            pg.getReplicationAPI()
                    .createReplicationSlot()
                    .logical()
                    .withSlotName(slot)
                    .withOutputPlugin("pgoutput")
                    .withTemporaryOption()
                    .make();
            long eventsBefore = ctx.kafka().endOffsets(List.of(topic));
            List<String> sinks = sinks(ctx);
            progress("streaming: " + ctx.size().streamingChanges + " payment updates in batches of " + BATCH
                    + ", sinks paused (" + String.join(", ", sinks) + ")");
            sinks.forEach(sink -> connectorAction(ctx, sink, "pause"));
            CpuWindow cpu;
            JfrProfile profile;
            long start;
            long changes;
            double writeSeconds;
            double cdcSeconds;
            try {
                cpu = ctx.cpu();
                profile = ctx.profile("connect", "streaming");
                start = System.nanoTime();
                changes = updateInBatches(ctx, "payments", "amount = amount", ctx.size().streamingChanges);
                writeSeconds = (System.nanoTime() - start) / 1e9;
                cdcSeconds = FullLoadPhase.awaitEvents(ctx, List.of(topic), eventsBefore + changes, start);
            } finally {
                sinks.forEach(sink -> connectorAction(ctx, sink, "resume"));
            }
            Map<String, Double> cores = cpu.close();
            Map<String, Object> connectProfile = profile.stop();
            if (Double.isNaN(cdcSeconds)) {
                return PhaseResult.failed(
                        "Streaming CDC",
                        "Debezium did not publish the " + changes + " changes within " + ctx.size().settleTimeout);
            }
            double rate = changes / cdcSeconds;
            progress(String.format(
                    "streaming: %,d changes committed in %.1f s, in Kafka after %.1f s = %,.0f events/s",
                    changes, writeSeconds, cdcSeconds, rate));
            double decodeSeconds =
                    decode(pg, slot, ctx.platform().env().require(PlatformVariable.DEBEZIUM_PUBLICATION), changes);
            double ceiling = changes / decodeSeconds;
            progress(String.format("streaming: pgoutput decoding ceiling %,.0f changes/s", ceiling));

            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("changes", changes);
            facts.put("updateCommitSeconds", writeSeconds);
            facts.put("commitRate", changes / writeSeconds);
            facts.put("firstCommitToLastEventSeconds", cdcSeconds);
            facts.put("decodeSeconds", decodeSeconds);
            facts.put("coresUsed", cores);
            facts.put("threadsWaitingForCore", cpu.waiting());
            facts.put("busiestThreads", cpu.topThreads());
            facts.put("connectProfile", connectProfile);
            List<String> notes = new ArrayList<>(List.of(
                    "Changes: `UPDATE payments SET amount = amount` in transactions of " + BATCH + " rows (REPLICA "
                            + "IDENTITY FULL: each event carries the before and after image).",
                    "Capture alone: the sink connectors (" + String.join(", ", sinks) + ") were paused while it ran "
                            + "and resumed after; the pipeline does not read payments.",
                    "Ceiling: the backlog of the same changes decoded by pgoutput from a temporary slot after the "
                            + "fact, with no other load; Debezium had to keep up while PostgreSQL was writing them.",
                    cpu.describe(),
                    JfrProfile.describe("connect", connectProfile)));
            List<Figure> figures =
                    new ArrayList<>(List.of(Figure.of("Debezium events/s (commit -> Kafka)", rate, "events/s")
                            .withTarget(TARGET)
                            .withCeiling(ceiling)));

            EndToEndRun.Result endToEnd = EndToEndRun.run(ctx);
            if (endToEnd != null) {
                figures.add(Figure.of(
                        "end-to-end: order updates until every output caught up", endToEnd.rate(), "changes/s"));
                Map<String, Object> e2e = new LinkedHashMap<>();
                e2e.put("changes", endToEnd.changes());
                e2e.put("updateCommitSeconds", endToEnd.commitSeconds());
                e2e.put("captureSeconds", endToEnd.captureSeconds());
                e2e.put("caughtUpSeconds", endToEnd.caughtUpSeconds());
                e2e.put("allCaughtUpSeconds", endToEnd.allCaughtUpSeconds());
                e2e.put("stageShares", endToEnd.shares());
                e2e.put("coresUsed", endToEnd.coresUsed());
                e2e.put("threadsWaitingForCore", endToEnd.waitingForCore());
                facts.put("endToEnd", e2e);
                notes.add("End-to-end: every order's `updated_at` moved by 1 ms (`UPDATE orders`, transactions of "
                        + BATCH + " rows) with everything running; each stage timed from the first batch: "
                        + endToEnd.describe() + ". The rate is the changes over the slowest; each consumer group counts"
                        + " as caught up at the last move of its lag (then still for 5 s).");
                notes.add("End-to-end, " + endToEnd.bound());
            } else {
                notes.add("End-to-end: not caught up within " + ctx.size().settleTimeout + ", no figure.");
            }
            return new PhaseResult("Streaming CDC", figures, facts, notes, null);
        }
    }

    /** The platform's sink connectors, by Connect's own account of each connector's type. */
    private static List<String> sinks(BenchContext ctx) throws Exception {
        List<String> sinks = new ArrayList<>();
        ctx.http()
                .get(ctx.platform().endpoints().connectUrl() + "/connectors?expand=info")
                .fields()
                .forEachRemaining(connector -> {
                    if ("sink"
                            .equals(connector
                                    .getValue()
                                    .path("info")
                                    .path("type")
                                    .asText())) {
                        sinks.add(connector.getKey());
                    }
                });
        return sinks;
    }

    /** Connect's PUT /connectors/NAME/pause or /resume (asynchronous: the tasks follow within moments). */
    private static void connectorAction(BenchContext ctx, String connector, String action) {
        try {
            ctx.http()
                    .put(
                            ctx.platform().endpoints().connectUrl() + "/connectors/" + connector + "/" + action,
                            JsonNodeFactory.instance.objectNode());
        } catch (Exception e) {
            throw new IllegalStateException(action + " of connector " + connector + " failed: " + e.getMessage(), e);
        }
    }

    private static Connection replicationConnection(BenchContext ctx) throws Exception {
        Properties properties = new Properties();
        PGProperty.USER.set(properties, ctx.platform().env().require(PlatformVariable.POSTGRES_USER));
        PGProperty.PASSWORD.set(properties, ctx.platform().env().require(PlatformVariable.POSTGRES_PASSWORD));
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        return DriverManager.getConnection(ctx.platform().endpoints().storefrontJdbcUrl(), properties);
    }

    /**
     * Sets {@code set} on rows of {@code table} in id ranges of {@link #BATCH}, a transaction each, until {@code wanted}
     * rows changed, wrapping around; with {@code wanted} {@code Long.MAX_VALUE}, every row once. Returns the rows
     * changed.
     */
    static long updateInBatches(BenchContext ctx, String table, String set, long wanted) throws Exception {
        try (Connection connection = ctx.platform().database()) {
            long min;
            long max;
            try (Statement statement = connection.createStatement();
                    ResultSet range = statement.executeQuery("SELECT min(id), max(id) FROM " + table)) {
                range.next();
                min = range.getLong(1);
                max = range.getLong(2);
            }
            boolean once = wanted == Long.MAX_VALUE;
            long changed = 0;
            long from = min;
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE " + table + " SET " + set + " WHERE id >= ? AND id < ?")) {
                while (changed < wanted && (!once || from <= max)) {
                    update.setLong(1, from);
                    update.setLong(2, from + Math.min(BATCH, wanted - changed));
                    changed += update.executeUpdate();
                    from = from + BATCH > max && !once ? min : from + BATCH;
                }
            }
            return changed;
        }
    }

    /** Seconds to receive {@code changes} pgoutput Update messages from the slot. */
    private static double decode(PGConnection pg, String slot, String publication, long changes) throws Exception {
        long start = System.nanoTime();
        try (PGReplicationStream stream = pg.getReplicationAPI()
                .replicationStream()
                .logical()
                .withSlotName(slot)
                .withSlotOption("proto_version", "1")
                .withSlotOption("publication_names", publication)
                .withStatusInterval(10, TimeUnit.SECONDS)
                .start()) {
            long updates = 0;
            long deadline = start + TimeUnit.MINUTES.toNanos(10);
            while (updates < changes) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("decoded only " + updates + " of " + changes + " changes");
                }
                ByteBuffer message = stream.readPending();
                if (message == null) {
                    Thread.sleep(1);
                } else if (message.get(message.position()) == 'U') {
                    updates++;
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
