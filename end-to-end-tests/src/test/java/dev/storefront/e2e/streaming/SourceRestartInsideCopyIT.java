package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.ReplicationSlots;
import dev.storefront.contract.ReplicationSlots.SlotState;
import dev.storefront.contract.connect.ConnectorStates;
import dev.storefront.e2e.support.CdcTopics;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;

/**
 * The source task starting with its last committed record inside a COPY: the rows of one COPY share one LSN (one WAL
 * record for many rows), and when the COPY is its transaction's first statement, BEGIN has that LSN too. Debezium 3.7
 * resumed there by skipping as many messages at that LSN as its offset counted rows, BEGIN among them, so the last
 * committed row came twice (the fault drill: PostgreSQL killed during the full load's capture). The platform's task
 * reads that transaction again from its start and drops the rows Kafka has.
 *
 * <p>Deterministic, no kill timing: a connector of its own (the platform's source settings, its own slot, publication
 * and topic on a table of the analytics database, which nothing else captures) captures one COPY, is stopped, and its
 * offset is set where a crash would have left it: after the first of the {@value #ROWS} rows, or after 12. Resumed, it
 * must send exactly the rows after those, once.
 */
@Order(7)
@ExtendWith(LocalPlatformExtension.class)
class SourceRestartInsideCopyIT {

    private static final String NAME = "restart-inside-copy";
    private static final String TABLE = "restart_inside_copy";
    private static final String PREFIX = "restartinsidecopy";
    private static final String TOPIC = PREFIX + ".public." + TABLE;
    private static final String SOURCE = "storefront-postgres-source";
    private static final int ROWS = 30;
    private static final int BEFORE = 0;
    private static final int SENTINEL = 1000;
    /** The connector and its task running; stopped, a connector has no tasks. */
    private static final String RUNNING = "RUNNING";

    private static final String STOPPED = "STOPPED (no tasks)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Committed rows of the COPY when the task starts: one (Debezium's count then unused), or several. */
    @ParameterizedTest(name = "{0} of " + ROWS + " rows committed")
    @ValueSource(ints = {1, 12})
    void aTaskStartedInsideACopySendsEachRowAfterTheCommittedOnesOnce(int committed, LocalPlatform platform)
            throws Exception {
        String connect = platform.endpoints().connectUrl();
        String analyticsDb = platform.env().require(PlatformVariable.ANALYTICS_DB);
        try (Connection analytics = platform.database(analyticsDb)) {
            cleanUp(platform, analytics);
            try (Statement ddl = analytics.createStatement()) {
                ddl.execute("CREATE TABLE " + TABLE + " (id int PRIMARY KEY, note text)");
                ddl.execute("ALTER TABLE " + TABLE + " REPLICA IDENTITY FULL");
                ddl.execute(
                        "GRANT SELECT ON " + TABLE + " TO " + platform.env().require(PlatformVariable.DEBEZIUM_USER));
                ddl.execute("CREATE PUBLICATION " + TABLE + " FOR TABLE " + TABLE);
            }
            try {
                send("PUT", connect + "/connectors/" + NAME + "/config", connectorConfig(connect, analyticsDb));
                awaitState(connect, RUNNING);
                await("slot " + TABLE + " active")
                        .atMost(Duration.ofMinutes(1))
                        .until(() -> ReplicationSlots.state(analytics, TABLE)
                                .filter(SlotState::active)
                                .isPresent());

                // A committed transaction before the COPY, so that the COPY's rows carry its commit as the last one.
                CdcTopics topics = new CdcTopics(platform);
                try (Statement insert = analytics.createStatement()) {
                    insert.execute("INSERT INTO " + TABLE + " VALUES (" + BEFORE + ", 'before the COPY')");
                }
                await("the row inserted before the COPY in " + TOPIC)
                        .atMost(Duration.ofMinutes(1))
                        .until(() -> !topics.readAll(TOPIC).isEmpty());
                // One transaction whose first statement is a COPY: every row and BEGIN at one LSN.
                analytics.setAutoCommit(false);
                String rows = IntStream.rangeClosed(1, ROWS)
                        .mapToObj(id -> id + "\trow " + id + "\n")
                        .reduce("", String::concat);
                analytics
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY " + TABLE + " (id, note) FROM STDIN", new StringReader(rows));
                analytics.commit();
                analytics.setAutoCommit(true);

                await("the COPY's " + ROWS + " rows in " + TOPIC)
                        .atMost(Duration.ofMinutes(1))
                        .until(() -> topics.readAll(TOPIC).size() >= 1 + ROWS);
                List<GenericRecord> copied = values(topics.readAll(TOPIC)).subList(1, 1 + ROWS);
                assertThat(copied).extracting(r -> id(r)).containsExactlyElementsOf(ids(1, ROWS));
                GenericRecord source = (GenericRecord) copied.get(committed - 1).get("source");
                long lsn = (Long) source.get("lsn");
                assertThat(copied)
                        .as("the COPY's rows share one LSN")
                        .allSatisfy(r -> assertThat(((GenericRecord) r.get("source")).get("lsn"))
                                .isEqualTo(lsn));
                JsonNode sequence = JSON.readTree(source.get("sequence").toString());

                // Where a crash after the first committed rows would have left the connector's offset.
                send("PUT", connect + "/connectors/" + NAME + "/stop", null);
                awaitState(connect, STOPPED);
                ObjectNode offset = JSON.createObjectNode()
                        .put("lsn", lsn)
                        .put("lsn_proc", lsn)
                        .put("lsn_commit", sequence.get(0).asLong())
                        .put("txId", (Long) source.get("txId"))
                        .put("messageType", "INSERT")
                        .put("lsn_events_processed", committed)
                        .put("ts_usec", (Long) source.get("ts_us"));
                ObjectNode offsets = JSON.createObjectNode();
                offsets.putArray("offsets")
                        .addObject()
                        .<ObjectNode>set("partition", JSON.createObjectNode().put("server", PREFIX))
                        .set("offset", offset);
                send("PATCH", connect + "/connectors/" + NAME + "/offsets", offsets.toString());
                send("PUT", connect + "/connectors/" + NAME + "/resume", null);
                awaitState(connect, RUNNING);
                try (Statement insert = analytics.createStatement()) {
                    insert.execute("INSERT INTO " + TABLE + " VALUES (" + SENTINEL + ", 'after the restart')");
                }

                await("the row inserted after the restart in " + TOPIC)
                        .atMost(Duration.ofMinutes(1))
                        .until(() -> values(topics.readAll(TOPIC)).stream().anyMatch(r -> id(r) == SENTINEL));
                List<Integer> afterRestart = values(topics.readAll(TOPIC)).stream()
                        .skip(1 + ROWS)
                        .map(SourceRestartInsideCopyIT::id)
                        .toList();
                List<Integer> expected = new ArrayList<>(ids(committed + 1, ROWS));
                expected.add(SENTINEL);
                assertThat(afterRestart)
                        .as("rows sent after resuming with " + committed + " of the COPY's rows committed")
                        .containsExactlyElementsOf(expected);
            } finally {
                cleanUp(platform, analytics);
            }
        }
    }

    /** The platform's own source settings on this test's table, slot, publication and topic prefix. */
    private static String connectorConfig(String connect, String analyticsDb) throws Exception {
        ObjectNode config =
                (ObjectNode) JSON.readTree(send("GET", connect + "/connectors/" + SOURCE + "/config", null));
        config.remove(List.of(
                "name",
                "signal.enabled.channels",
                "signal.data.collection",
                "heartbeat.action.query",
                "message.prefix.include.list"));
        config.put("database.dbname", analyticsDb)
                .put("slot.name", TABLE)
                .put("publication.name", TABLE)
                .put("publication.autocreate.mode", "disabled")
                .put("table.include.list", "public\\." + TABLE)
                .put("topic.prefix", PREFIX)
                .put("topic.creation.default.partitions", "1")
                .put("snapshot.mode", "no_data")
                // No heartbeat: it would confirm the slot past the COPY and nothing could be read again.
                .put("heartbeat.interval.ms", "0");
        return config.toString();
    }

    private void cleanUp(LocalPlatform platform, Connection analytics) throws Exception {
        String connect = platform.endpoints().connectUrl();
        if (ConnectorStates.fetch(connect).containsKey(NAME)) {
            // Connect keeps a deleted connector's offsets: the next one of this name would start from them.
            send("PUT", connect + "/connectors/" + NAME + "/stop", null);
            awaitState(connect, STOPPED);
            send("DELETE", connect + "/connectors/" + NAME + "/offsets", null);
            send("DELETE", connect + "/connectors/" + NAME, null);
        }
        ReplicationSlots.drop(analytics, TABLE, Duration.ofMinutes(1), System.out::println);
        try (Statement ddl = analytics.createStatement()) {
            ddl.execute("DROP PUBLICATION IF EXISTS " + TABLE);
            ddl.execute("DROP TABLE IF EXISTS " + TABLE);
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.endpoints().kafkaBootstrap()))) {
            if (admin.listTopics().names().get().contains(TOPIC)) {
                admin.deleteTopics(List.of(TOPIC)).all().get();
            }
        }
    }

    /** Until the connector's state reads {@code state} as ConnectorStates describes it. */
    private static void awaitState(String connect, String state) {
        await("connector " + NAME + " " + state)
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> state.equals(ConnectorStates.fetch(connect).get(NAME)));
    }

    private static String send(String method, String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() / 100)
                .as(method + " " + url + ": " + response.body())
                .isEqualTo(2);
        return response.body();
    }

    private static List<GenericRecord> values(List<ConsumerRecord<Object, Object>> records) {
        return records.stream()
                .map(ConsumerRecord::value)
                .filter(GenericRecord.class::isInstance)
                .map(GenericRecord.class::cast)
                .toList();
    }

    private static int id(GenericRecord value) {
        return (Integer) ((GenericRecord) value.get("after")).get("id");
    }

    private static List<Integer> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }
}
