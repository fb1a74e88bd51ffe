package dev.storefront.reconciliation;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.storefront.contract.StorefrontTables;
import dev.storefront.contract.cli.ToolFailure;
import dev.storefront.contract.sql.FlinkJobs;
import dev.storefront.contract.sql.SqlOutputs;
import dev.storefront.pipeline.analytics.Group;
import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.avro.OrderKey;
import dev.storefront.pipeline.avro.OrderOutput;
import dev.storefront.pipeline.avro.Revenue;
import dev.storefront.pipeline.avro.RevenueKey;
import dev.storefront.pipeline.config.PipelineConfig;
import dev.storefront.pipeline.config.PipelineConfig.JdbcTarget;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.outbox.Decoded;
import dev.storefront.pipeline.outbox.OrderMessageDecoder;
import dev.storefront.pipeline.serde.RegistrySerdes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reconciles every output of the pipeline, and the JDBC sinks' tables, against PostgreSQL on a running platform.
 * Meant for a quiet platform (deltas stopped, pipeline and sinks caught up): PostgreSQL is read in one
 * repeatable-read transaction, the topics to their current end.
 */
public final class PipelineVerifier {

    private final PipelineConfig config;
    private final Topics topics;
    private final RegistrySerdes serdes;
    private final TopicReader reader;

    public PipelineVerifier(PipelineConfig config, Duration topicTimeout) {
        this.config = config;
        this.topics = config.topics();
        this.serdes = new RegistrySerdes(config.serde());
        this.reader = new TopicReader(config.bootstrapServers(), topicTimeout);
    }

    public VerifyReport verify() throws SQLException {
        List<OutputReport> reports = new ArrayList<>();
        try (Connection storefront = storefront()) {
            Analytics analytics = Analytics.open(config.analyticsDb());
            try {
                reports.addAll(facts(storefront));
                reports.addAll(revenue(storefront, analytics));
                Map<Long, OrderOutput> announced = new LinkedHashMap<>();
                reports.addAll(orderOutput(storefront, announced));
                reports.addAll(cdcHistory(storefront, analytics));
                reports.addAll(sqlLayer(storefront, analytics, announced));
            } finally {
                analytics.close();
            }
            storefront.commit();
        }
        return new VerifyReport(reports);
    }

    private List<OutputReport> facts(Connection storefront) throws SQLException {
        Map<Long, FactView> expected = FactsCheck.expected(storefront);
        Map<Long, FactView> avro = new LinkedHashMap<>();
        reader.latest(topics.facts(), keys(OrderKey.class), values(OrderFact.class))
                .forEach((key, fact) -> avro.put(key.getOrderId(), FactsCheck.view(fact)));
        Map<Long, FactView> protobuf = new LinkedHashMap<>();
        reader.latest(topics.factsProtobuf(), new StringDeserializer(), new ByteArrayDeserializer())
                .forEach((key, bytes) -> protobuf.put(Long.parseLong(key), FactsCheck.view(parseFact(bytes))));
        return List.of(
                Comparison.compare(topics.facts(), expected, avro),
                Comparison.compare(topics.factsProtobuf(), expected, protobuf));
    }

    private List<OutputReport> revenue(Connection storefront, Analytics analytics) throws SQLException {
        Map<Group, RevenueCheck.Totals> expected = RevenueCheck.expected(storefront);
        OutputReport topic = Comparison.compare(
                topics.revenue(),
                expected,
                RevenueCheck.topic(reader.latest(topics.revenue(), keys(RevenueKey.class), values(Revenue.class))));
        String tableName = "table " + RevenueCheck.TABLE;
        OutputReport table;
        if (analytics.db == null) {
            table = OutputReport.unreadable(tableName, expected.size(), analytics.problem);
        } else if (!analytics.exists(RevenueCheck.TABLE)) {
            table = Comparison.compare(tableName, expected, Map.of()).withNote(Analytics.NOT_CREATED);
        } else {
            try {
                table = Comparison.compare(tableName, expected, RevenueCheck.table(analytics.db));
            } catch (SQLException e) {
                analytics.db.rollback();
                table = OutputReport.unreadable(tableName, expected.size(), e.getMessage());
            }
        }
        return List.of(topic, table);
    }

    /** {@code announced} receives the orders of the decodable outbox messages. */
    private List<OutputReport> orderOutput(Connection storefront, Map<Long, OrderOutput> announced)
            throws SQLException {
        OrderMessageDecoder decoder = new OrderMessageDecoder(config.outboxPrefix());
        AtomicInteger rejected = new AtomicInteger();
        reader.forEach(
                topics.messages(),
                serdes.cdcKey().deserializer(),
                serdes.cdcValue().deserializer(),
                (GenericRecord key, GenericRecord event) -> {
                    if (event == null) {
                        return;
                    }
                    if (decoder.decode(event) instanceof Decoded.Accepted accepted) {
                        announced.put(accepted.order().getOrderId(), accepted.order());
                    } else {
                        rejected.incrementAndGet();
                    }
                });
        Map<Long, OrderOutput> emitted = new LinkedHashMap<>();
        reader.latest(topics.orderOutput(), keys(OrderKey.class), values(OrderOutput.class))
                .forEach((key, order) -> emitted.put(key.getOrderId(), order));

        Map<Long, OrderOutputCheck.Emitted> expected = new LinkedHashMap<>();
        announced.forEach((id, order) -> expected.put(id, OrderOutputCheck.emitted(order)));
        Map<Long, OrderOutputCheck.Emitted> actual = new LinkedHashMap<>();
        emitted.forEach((id, order) -> actual.put(id, OrderOutputCheck.emitted(order)));
        OutputReport feed = Comparison.compare(topics.orderOutput() + " vs " + topics.messages(), expected, actual)
                .withNote(announced.size() + " orders announced, " + rejected.get()
                        + " malformed messages (dead letters)");

        Map<Long, OrderOutputCheck.Recorded> recorded = OrderOutputCheck.recorded(storefront, emitted.keySet());
        Map<Long, OrderOutputCheck.Recorded> stillThere = new LinkedHashMap<>();
        recorded.keySet().forEach(id -> stillThere.put(id, OrderOutputCheck.recorded(emitted.get(id))));
        OutputReport database = Comparison.compare(topics.orderOutput() + " vs PostgreSQL", recorded, stillThere)
                .withNote((emitted.size() - recorded.size()) + " emitted orders were deleted since (not compared)");
        return List.of(feed, database);
    }

    /**
     * The SQL layer's shipped jobs (flink-sql/jobs), each checked while its job runs (the layer is optional, and a
     * cancelled job's topic goes stale): facts and revenue against the same SQL as the Streams outputs, the decoded
     * outbox against the messages.
     */
    private List<OutputReport> sqlLayer(Connection storefront, Analytics analytics, Map<Long, OrderOutput> announced)
            throws SQLException {
        SqlOutputs outputs = new SqlOutputs(topics.prefix());
        Set<String> running = runningSqlJobs();
        List<OutputReport> reports = new ArrayList<>();
        Deserializer<GenericRecord> keys = serdes.cdcKey().deserializer();
        Deserializer<GenericRecord> values = serdes.cdcValue().deserializer();
        if (running.contains(SqlOutputs.FACTS_JOB)) {
            Map<Long, FactView> expected = new LinkedHashMap<>();
            FactsCheck.expected(storefront)
                    .forEach((id, fact) -> expected.put(id, SqlLayerViews.withoutCouponCode(fact)));
            Map<Long, FactView> actual = new LinkedHashMap<>();
            reader.latest(outputs.factsTopic(), keys, values).values().forEach(fact -> {
                FactView view = SqlLayerViews.fact(fact);
                actual.put(view.orderId(), view);
            });
            reports.add(Comparison.compare(outputs.factsTopic(), expected, actual));
        }
        if (running.contains(SqlOutputs.REVENUE_JOB)) {
            Map<Group, RevenueCheck.Totals> expected = RevenueCheck.expected(storefront);
            reports.add(Comparison.compare(
                    outputs.revenueTopic(),
                    expected,
                    SqlLayerViews.revenue(reader.latest(outputs.revenueTopic(), keys, values))));
            String tableName = "table " + SqlOutputs.REVENUE_TABLE;
            if (analytics.db == null) {
                reports.add(OutputReport.unreadable(tableName, expected.size(), analytics.problem));
            } else if (analytics.exists(SqlOutputs.REVENUE_TABLE)) {
                reports.add(Comparison.compare(
                        tableName, expected, RevenueCheck.table(analytics.db, SqlOutputs.REVENUE_TABLE)));
            }
        }
        if (running.contains(SqlOutputs.OUTBOX_JOB)) {
            Map<Long, OrderOutputCheck.Emitted> expected = new LinkedHashMap<>();
            announced.forEach(
                    (id, order) -> expected.put(id, SqlLayerViews.sortedLines(OrderOutputCheck.emitted(order))));
            Map<Long, OrderOutputCheck.Emitted> actual = new LinkedHashMap<>();
            reader.latest(outputs.orderOutputTopic(), keys, values).values().forEach(order -> {
                OrderOutputCheck.Emitted emitted = SqlLayerViews.orderOutput(order);
                actual.put(emitted.orderId(), emitted);
            });
            reports.add(Comparison.compare(outputs.orderOutputTopic() + " vs " + topics.messages(), expected, actual));
        }
        return reports;
    }

    /** The files of the SQL layer's running jobs; none when the layer is not up. */
    private Set<String> runningSqlJobs() {
        return new FlinkJobs(config.flinkUrl()).runningFiles(SqlOutputs.JOB_FILES);
    }

    private List<OutputReport> cdcHistory(Connection storefront, Analytics analytics) throws SQLException {
        List<OutputReport> reports = new ArrayList<>();
        // Every table of the publication has a history, also one a later migration added: no list to keep in step.
        for (String table : StorefrontTables.captured(storefront, config.publication())) {
            Map<CdcHistoryCheck.Change, Integer> events = new LinkedHashMap<>();
            reader.forEach(
                    topics.table(table),
                    serdes.cdcKey().deserializer(),
                    serdes.cdcValue().deserializer(),
                    (GenericRecord key, GenericRecord envelope) -> CdcHistoryCheck.count(events, key, envelope));
            // A committed reader sees each streamed change once (exactly-once capture); not so a re-sent snapshot.
            OutputReport seenOnce = Comparison.compare(
                    "topic " + topics.table(table) + " " + CdcHistoryCheck.SEEN_ONCE,
                    CdcHistoryCheck.distinct(CdcHistoryCheck.streamed(events)),
                    CdcHistoryCheck.streamed(events));
            long repeatedReads = CdcHistoryCheck.repeatedReads(events);
            reports.add(
                    repeatedReads == 0
                            ? seenOnce
                            : seenOnce.withNote(repeatedReads + " snapshot reads sent more than once (an interrupted"
                                    + " snapshot starts over; not compared)"));
            Map<Long, CdcHistoryCheck.RowState> source = CdcHistoryCheck.sourceStates(storefront, table);
            String history = "table " + CdcHistoryCheck.historyTable(table);
            if (analytics.db == null) {
                reports.add(OutputReport.unreadable(history + " changes", events.size(), analytics.problem));
                reports.add(OutputReport.unreadable(history + " last op", source.size(), analytics.problem));
                continue;
            }
            if (!analytics.exists(CdcHistoryCheck.historyTable(table))) {
                reports.add(Comparison.compare(history + " changes", CdcHistoryCheck.distinct(events), Map.of())
                        .withNote(Analytics.NOT_CREATED));
                reports.add(Comparison.compare(history + " last op", source, Map.of())
                        .withNote(Analytics.NOT_CREATED));
                continue;
            }
            try {
                reports.add(Comparison.compare(
                        history + " changes",
                        CdcHistoryCheck.distinct(events),
                        CdcHistoryCheck.historyChanges(analytics.db, table)));
                Map<Long, CdcHistoryCheck.RowState> last =
                        CdcHistoryCheck.historyStates(analytics.db, table, CdcHistoryCheck.columns(storefront, table));
                reports.add(Comparison.compare(
                        history + " last op", CdcHistoryCheck.expectedStates(source, last.keySet()), last));
            } catch (SQLException e) {
                analytics.db.rollback();
                reports.add(OutputReport.unreadable(history, events.size(), e.getMessage()));
            }
        }
        return reports;
    }

    private <T extends SpecificRecord> Deserializer<T> keys(Class<T> type) {
        return serdes.outputKey(type).deserializer();
    }

    private <T extends SpecificRecord> Deserializer<T> values(Class<T> type) {
        return serdes.outputValue(type).deserializer();
    }

    private static dev.storefront.pipeline.facts.proto.OrderFact parseFact(byte[] bytes) {
        try {
            return dev.storefront.pipeline.facts.proto.OrderFact.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("A record of the protobuf facts topic is not an OrderFact", e);
        }
    }

    private Connection storefront() {
        try {
            return snapshot(config.storefrontDb());
        } catch (SQLException e) {
            throw new ToolFailure(
                    "Cannot read the storefront database " + config.storefrontDb() + ": " + e.getMessage(), e);
        }
    }

    /** One consistent, read-only view of a database for the whole verification. */
    private static Connection snapshot(JdbcTarget target) throws SQLException {
        Connection db = DriverManager.getConnection(target.url(), target.user(), target.password());
        db.setReadOnly(true);
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        db.setAutoCommit(false);
        return db;
    }

    /** The analytics database, or why it cannot be read (the sinks may not have run yet). */
    private record Analytics(Connection db, String problem) {

        /** Why an absent sink table reads as empty: it is created by the sink's first record, not at start. */
        static final String NOT_CREATED = "the table does not exist yet: its sink creates it with its first record";

        static Analytics open(JdbcTarget target) {
            try {
                return new Analytics(snapshot(target), null);
            } catch (SQLException e) {
                return new Analytics(null, target + ": " + e.getMessage());
            }
        }

        boolean exists(String table) throws SQLException {
            try (PreparedStatement query = db.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                query.setString(1, table);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        }

        void close() throws SQLException {
            if (db != null) {
                db.rollback();
                db.close();
            }
        }
    }
}
