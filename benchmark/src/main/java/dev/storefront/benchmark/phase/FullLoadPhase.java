package dev.storefront.benchmark.phase;

import static dev.storefront.benchmark.BenchContext.progress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.benchmark.BenchContext;
import dev.storefront.benchmark.platform.CpuWindow;
import dev.storefront.benchmark.report.Figure;
import dev.storefront.benchmark.report.PhaseResult;
import dev.storefront.benchmark.report.Target;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Full load: the seeder's `POST /seed/full` rows/s over all tables, then PostgreSQL's own binary COPY of exactly
 * those rows into tables of the same definitions (a scratch schema outside the publication) as the ceiling. The CDC
 * of the load's inserts (they stream through Debezium while it runs) is measured too: load start to the last
 * insert event in Kafka.
 */
public final class FullLoadPhase {

    /** Data generation included, capture on: at least 0.8 of PostgreSQL's own COPY of the same rows. */
    static final Target TARGET = Target.atLeastOfCeiling(0.8);

    private static final String SCRATCH = "bench_ceiling";

    private FullLoadPhase() {}

    public static PhaseResult run(BenchContext ctx) throws Exception {
        List<String> topics = ctx.cdcTopics(ctx.platform().endpoints().topicPrefix());
        long eventsBefore = ctx.kafka().endOffsets(topics);
        String url = ctx.platform().endpoints().seederUrl() + "/seed/full?customers=" + ctx.size().customers
                + "&products=" + ctx.size().products + "&orders=" + ctx.size().orders + "&seed=42";
        progress("full load: POST " + url);
        CpuWindow cpu = ctx.cpu();
        long start = System.nanoTime();
        JsonNode answer = ctx.http().post(url);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cores = cpu.close();
        long rows = answer.path("totalRows").asLong();
        double seederRate = rows / seconds;
        progress(String.format("full load: %,d rows in %.1f s = %,.0f rows/s", rows, seconds, seederRate));

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("rows", answer.path("rows"));
        facts.put("seederReportedRowsPerSecond", answer.path("rowsPerSecond").asDouble());
        facts.put("coresUsedDuringLoad", cores);
        facts.put("threadsWaitingForCoreDuringLoad", cpu.waiting());
        facts.put("busiestThreads", cpu.topThreads());

        double cdcSeconds = awaitEvents(ctx, topics, eventsBefore + rows, start);
        // The ceiling runs alone: after the pipeline and sinks have digested the load.
        ctx.kafka().awaitSettled(ctx.size().settleTimeout);
        double ceiling = copyCeiling(ctx, rows);
        progress(String.format("full load: PostgreSQL COPY ceiling %,.0f rows/s", ceiling));

        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("seeder rows/s (all tables)", seederRate, "rows/s")
                .withTarget(TARGET)
                .withCeiling(ceiling));
        List<String> notes = new ArrayList<>();
        notes.add("Ceiling: binary COPY of the same " + rows + " rows into " + SCRATCH + ".<table> (LIKE ... INCLUDING "
                + "ALL: same columns, defaults, indexes; no FKs, not in the publication), one connection per table, "
                + Runtime.getRuntime().availableProcessors()
                + " at a time, once the platform was idle again; the data was "
                + "read out before timing.");
        notes.add("While the seeder loads, Debezium streams every insert and the pipeline and sinks consume them: "
                + "they share the same cores. "
                + cpu.describe());
        if (Double.isNaN(cdcSeconds)) {
            notes.add("The load's insert events did not all reach Kafka within " + ctx.size().settleTimeout);
        } else {
            figures.add(Figure.of(
                    "CDC of the load's inserts (load start -> last event in Kafka)", rows / cdcSeconds, "events/s"));
        }
        return new PhaseResult("Full load", figures, facts, notes, null);
    }

    /** Seconds from {@code startNanos} until the topics hold {@code expected} events; NaN on timeout. */
    static double awaitEvents(BenchContext ctx, List<String> topics, long expected, long startNanos) throws Exception {
        long deadline = System.nanoTime() + ctx.size().settleTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ctx.kafka().endOffsets(topics) >= expected) {
                return (System.nanoTime() - startNanos) / 1e9;
            }
            Thread.sleep(100);
        }
        return Double.NaN;
    }

    private static double copyCeiling(BenchContext ctx, long expectedRows) throws Exception {
        Map<String, byte[]> data = new LinkedHashMap<>();
        try (Connection connection = ctx.platform().database();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCRATCH);
            for (String table : ctx.tables()) {
                statement.execute(
                        "CREATE TABLE " + SCRATCH + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyOut("COPY public." + table + " TO STDOUT (FORMAT binary)", out);
                data.put(table, out.toByteArray());
            }
        }
        Map<String, CopyCeiling.Copy> copies = new LinkedHashMap<>();
        data.forEach((table, bytes) -> copies.put(
                table,
                copy -> copy.copyIn(
                        "COPY " + SCRATCH + "." + table + " FROM STDIN (FORMAT binary)",
                        new ByteArrayInputStream(bytes))));
        try {
            return CopyCeiling.rowsPerSecond(ctx, copies, expectedRows);
        } finally {
            try (Connection connection = ctx.platform().database();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
            }
        }
    }
}
