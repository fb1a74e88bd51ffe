package dev.storefront.benchmark.phase;

import static dev.storefront.benchmark.BenchContext.progress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.benchmark.BenchContext;
import dev.storefront.benchmark.platform.CpuWindow;
import dev.storefront.benchmark.platform.JfrProfile;
import dev.storefront.benchmark.report.Figure;
import dev.storefront.benchmark.report.PhaseResult;
import dev.storefront.benchmark.report.Target;
import dev.storefront.contract.ReplicationSlots;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshot: a second Debezium connector (the platform's config with its own name, slot and topic prefix) snapshots
 * the loaded tables; timed from its registration to the moment its topics hold every row. Then it is deleted and
 * its slot dropped (Debezium leaves slots behind). Its ceiling, measured first: a plain {@code COPY <table> TO STDOUT}
 * read of the same tables.
 */
public final class SnapshotPhase {

    /** At least half of what PostgreSQL reads out of the same tables by COPY in the same run. */
    static final Target TARGET = Target.atLeastOfCeiling(0.5);

    static final String SOURCE = "storefront-postgres-source";
    static final String NAME = "bench-snapshot";
    static final String SLOT = "bench_snapshot_slot";
    static final String PREFIX = "benchsnap";

    private SnapshotPhase() {}

    public static PhaseResult run(BenchContext ctx) throws Exception {
        long rows = countRows(ctx);
        String connect = ctx.platform().endpoints().connectUrl();
        ObjectNode config = (ObjectNode) ctx.http().get(connect + "/connectors/" + SOURCE + "/config");
        config.put("name", NAME);
        config.put("slot.name", SLOT);
        config.put("topic.prefix", PREFIX);
        List<String> topics = ctx.cdcTopics(PREFIX);
        Map<String, CopyCeiling.Copy> reads = new LinkedHashMap<>();
        ctx.tables()
                .forEach(table -> reads.put(
                        table,
                        copy -> copy.copyOut("COPY public." + table + " TO STDOUT", OutputStream.nullOutputStream())));
        double ceiling = CopyCeiling.rowsPerSecond(ctx, reads, rows);
        progress(String.format("snapshot: PostgreSQL COPY TO STDOUT ceiling %,.0f rows/s", ceiling));
        progress("snapshot: registering " + NAME + " (slot " + SLOT + ", topics " + PREFIX + ".public.*) for " + rows
                + " rows");
        CpuWindow cpu = ctx.cpu();
        JfrProfile profile = ctx.profile("connect", "snapshot");
        long start = System.nanoTime();
        try {
            ctx.http().put(connect + "/connectors/" + NAME + "/config", config);
            double seconds = FullLoadPhase.awaitEvents(ctx, topics, rows, start);
            Map<String, Double> cores = cpu.close();
            Map<String, Object> connectProfile = profile.stop();
            if (Double.isNaN(seconds)) {
                return PhaseResult.failed(
                        "Snapshot",
                        "the snapshot did not reach " + rows + " events within " + ctx.size().settleTimeout + " ("
                                + ctx.kafka().endOffsets(topics) + " so far)");
            }
            double rate = rows / seconds;
            progress(String.format("snapshot: %,d rows in %.1f s = %,.0f rows/s", rows, seconds, rate));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("rows", rows);
            facts.put("seconds", seconds);
            facts.put("coresUsed", cores);
            facts.put("threadsWaitingForCore", cpu.waiting());
            facts.put("busiestThreads", cpu.topThreads());
            facts.put("connectProfile", connectProfile);
            List<String> notes = new ArrayList<>();
            notes.add(
                    "Includes connector start, slot creation and the snapshot's consistent export; ends when the "
                            + "end offsets of the five topics reach the row counts (schemas registered in Apicurio on the way).");
            notes.add(cpu.describe());
            notes.add(JfrProfile.describe("connect", connectProfile));
            return new PhaseResult(
                    "Snapshot",
                    List.of(Figure.of("Debezium snapshot rows/s", rate, "rows/s")
                            .withTarget(TARGET)
                            .withCeiling(ceiling)),
                    facts,
                    notes,
                    null);
        } finally {
            removeConnector(ctx);
        }
    }

    private static long countRows(BenchContext ctx) throws Exception {
        long rows = 0;
        try (Connection connection = ctx.platform().database();
                Statement statement = connection.createStatement()) {
            for (String table : ctx.tables()) {
                try (ResultSet result = statement.executeQuery("SELECT count(*) FROM public." + table)) {
                    result.next();
                    rows += result.getLong(1);
                }
            }
        }
        return rows;
    }

    /** Deletes the connector, then drops its slot once the stopping task has released it (at most a minute). */
    private static void removeConnector(BenchContext ctx) throws Exception {
        ctx.http().delete(ctx.platform().endpoints().connectUrl() + "/connectors/" + NAME);
        try (Connection connection = ctx.platform().database()) {
            ReplicationSlots.drop(connection, SLOT, Duration.ofMinutes(1), BenchContext::progress);
            progress("snapshot: connector deleted, slot " + SLOT + " dropped");
        } catch (ReplicationSlots.StillInUse e) {
            System.err.println("[bench] " + e.getMessage() + " Drop it by hand.");
        }
    }
}
