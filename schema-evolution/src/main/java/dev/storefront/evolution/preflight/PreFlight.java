package dev.storefront.evolution.preflight;

import dev.storefront.contract.CdcHistory;
import dev.storefront.contract.CdcTopicNames;
import dev.storefront.contract.StorefrontTables;
import dev.storefront.contract.registry.SchemaCompatibility;
import dev.storefront.evolution.shape.Change;
import dev.storefront.evolution.shape.Column;
import dev.storefront.evolution.shape.Shapes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges the column changes of a migration before it is applied: which outputs and sink tables each touches, from the
 * platform's own record of what it reads (the registry cannot refuse a dropped field under BACKWARD), and whether the
 * registry would accept the schemas Debezium would register.
 */
public final class PreFlight {

    /** What one Kafka Streams application makes: a column it reads that goes away stops all of it. */
    static final String PIPELINE = "the pipeline (order facts, revenue analytics, outbox feed)";

    private static final List<String> INTEGRAL = List.of("int2", "int4", "int8");

    private final Shapes history;
    private final CdcTopicNames topics;
    private final SchemaCompatibility registry;

    /**
     * @param history the analytics database's tables, where the history sink writes {@code <table>_cdc}
     */
    public PreFlight(Shapes history, CdcTopicNames topics, SchemaCompatibility registry) {
        this.history = history;
        this.topics = topics;
        this.registry = registry;
    }

    /**
     * @param newTables the tables the migration adds to the publication: they are judged as a whole, not by column
     */
    public List<Finding> judge(List<Change> changes, List<String> newTables) throws IOException, InterruptedException {
        List<Finding> findings = new ArrayList<>();
        if (changes.isEmpty()) {
            findings.add(Finding.note("no captured table changes shape"));
        }
        newTables.forEach(table -> findings.add(newTable(table)));
        Map<String, List<Change>> byTable = new LinkedHashMap<>();
        for (Change change : changes) {
            if (newTables.contains(change.table())) {
                continue;
            }
            byTable.computeIfAbsent(change.table(), t -> new ArrayList<>()).add(change);
            findings.add(pipeline(change));
            findings.add(historySink(change));
        }
        for (Map.Entry<String, List<Change>> table : byTable.entrySet()) {
            findings.add(registry(table.getKey(), table.getValue()));
        }
        return findings;
    }

    /** Streamed from its first row: Debezium's table.include.list covers every table of schema public. */
    Finding newTable(String table) {
        return Finding.note(table + ": a new captured table. Debezium streams it from its first row to "
                + topics.table(table) + " (registering its first schema), the history sink creates "
                + CdcHistory.table(table) + ", verify reconciles it; "
                + (StorefrontTables.COLUMNS_READ_BY_PIPELINE.containsKey(table)
                        ? PIPELINE + " reads it"
                        : "no output of " + PIPELINE + " reads it"));
    }

    static Finding pipeline(Change change) {
        List<String> read = StorefrontTables.COLUMNS_READ_BY_PIPELINE.getOrDefault(change.table(), List.of());
        String column = change.table() + "." + change.column();
        if (!read.contains(change.column())) {
            return Finding.note(column + ": " + PIPELINE + " does not read it");
        }
        return switch (change.kind()) {
            case DROPPED ->
                Finding.refuse(column + " is dropped (or renamed), and " + PIPELINE + " reads it: its"
                        + " Kafka Streams application would stop at the first change without it");
            case RETYPED ->
                widens(change)
                        ? Finding.note(column + ": " + PIPELINE + " reads whole numbers of any width (a value beyond"
                                + " what its own field holds would stop it)")
                        : Finding.refuse(
                                column + " changes type " + change.before().type() + " -> "
                                        + change.after().type() + ", and " + PIPELINE + " reads it as "
                                        + change.before().type());
            default -> Finding.note(column + ": " + PIPELINE + " reads it; the change keeps its type and name");
        };
    }

    /** smallint to integer to bigint: Avro promotes int to long for a reader, and the pipeline reads either. */
    static boolean widens(Change change) {
        int from = INTEGRAL.indexOf(change.before().typeName());
        int to = INTEGRAL.indexOf(change.after().typeName());
        return from >= 0 && to > from;
    }

    Finding historySink(Change change) {
        String table = CdcHistory.table(change.table());
        Optional<Column> existing = history.columns(table).stream()
                .filter(c -> c.name().equals(change.column()))
                .findFirst();
        return switch (change.kind()) {
            case ADDED ->
                existing.isPresent()
                        ? Finding.note(table + " has a column " + change.column() + " already ("
                                + existing.get().type() + ")")
                        : Finding.note(table + " (history sink) gains column " + change.column()
                                + " with the table's next change (schema.evolution=basic)");
            case DROPPED ->
                existing.filter(Column::notNull).isPresent()
                        ? Finding.refuse(table + "." + change.column() + " is NOT NULL: the history sink's inserts"
                                + " without it would fail and its task stop")
                        : Finding.note(table + " keeps column " + change.column() + ", null in the rows from now on");
            case RETYPED ->
                Finding.note(table + "." + change.column() + " keeps its type "
                        + existing.map(Column::type).orElse("(no such column yet)")
                        + ": the JDBC sink never alters a column's type; values that fit it are written, one beyond it"
                        + " would stop the sink (`ALTER TABLE " + table + " ALTER COLUMN " + change.column() + " TYPE "
                        + change.after().type() + "` in the analytics database first)");
            default -> Finding.note(table + ": unchanged");
        };
    }

    private Finding registry(String table, List<Change> changes) throws IOException, InterruptedException {
        String subject = topics.table(table) + "-value";
        Optional<String> latest = registry.latestSchema(subject);
        if (latest.isEmpty()) {
            return Finding.note(subject + ": no schema registered yet, nothing to be compatible with");
        }
        String candidate;
        try {
            candidate = DebeziumSchema.candidate(latest.get(), changes);
        } catch (DebeziumSchema.UnpredictableType e) {
            return Finding.refuse(subject + ": " + e.getMessage());
        }
        String rule = registry.globalRule();
        return registry.accepts(subject, candidate)
                ? Finding.note(subject + ": the registry (rule " + rule + ") accepts the new schema")
                : Finding.refuse(subject + ": the registry (rule " + rule + ") would refuse the new schema, and"
                        + " Debezium's task would stop at the table's next change");
    }
}
