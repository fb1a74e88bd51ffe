package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.e2e.support.CdcTopics;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import dev.storefront.e2e.support.Rows;
import dev.storefront.e2e.support.SeederClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The terminal tools a user sees the running platform with: `topics`, `tail` (decoded records, committed only),
 * `logs` and `status --json`, each checked against what PostgreSQL, Kafka and Connect hold.
 */
@Order(6)
@ExtendWith(LocalPlatformExtension.class)
class TerminalToolsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tailPrintsTheLastChangesAsJsonEqualToTheRowsInPostgres(LocalPlatform platform) throws Exception {
        SeederClient seeder = new SeederClient(platform);
        seeder.stopDeltas();
        String topic = new CdcTopics(platform).topic("orders");
        List<Long> touched = new ArrayList<>();
        try (Connection db = platform.storefrontDb()) {
            if (count(db, "SELECT count(*) FROM orders") < 3) {
                seeder.fullLoad(20, 5, 10, 5);
            }
            // Three updates that change nothing make three change events whose after image is the row as it is.
            try (Statement statement = db.createStatement();
                    ResultSet ids = statement.executeQuery(
                            "UPDATE orders SET status = status WHERE id IN (SELECT id FROM orders ORDER BY id DESC"
                                    + " LIMIT 3) RETURNING id")) {
                while (ids.next()) {
                    touched.add(ids.getLong(1));
                }
            }
            Map<Long, Map<String, Object>> rows = new TreeMap<>(Rows.fromTable(db, "orders"));
            rows.keySet().retainAll(touched);

            await("the three updates in " + topic)
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        List<JsonNode> documents = documents(platform.platform("tail", topic, "-n", "3"));
                        assertThat(documents).hasSize(3);
                        Map<Long, Map<String, Object>> tailed = new TreeMap<>();
                        for (JsonNode document : documents) {
                            assertThat(document.path("topic").asText()).isEqualTo(topic);
                            assertThat(document.path("value").path("op").asText())
                                    .isEqualTo("u");
                            assertThat(document.path("valueSchemaId").asInt()).isPositive();
                            assertThat(document.path("key").path("id").asLong())
                                    .isEqualTo(document.path("value")
                                            .path("after")
                                            .path("id")
                                            .asLong());
                            Map<String, Object> after =
                                    Rows.fromJson(document.path("value").path("after"));
                            tailed.put((Long) after.get("id"), after);
                        }
                        assertThat(tailed).isEqualTo(rows);
                    });
        }

        // Budget (printed, not asserted): tail decodes at least 20,000 records/s. The second run is the figure: the
        // first one of a build also writes the JVM's class-data archive.
        for (int run = 1; run <= 2; run++) {
            Result all = platform.platform(
                    "tail", new CdcTopics(platform).topic("order_items"), "--from-beginning", "--measure");
            assertThat(all.exitCode()).as(all.output()).isZero();
            assertThat(all.output()).containsPattern("tail: [1-9][0-9]* records of");
        }

        Result unknown = platform.platform("tail", topic + "x");
        assertThat(unknown.exitCode()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.output()).contains("No topic " + topic + "x").contains("did you mean " + topic + "?");
    }

    @Test
    void topicsListsTheCdcTopicsWithTheirPartitionsAndSubjects(LocalPlatform platform) {
        Result topics = platform.platform("topics");
        assertThat(topics.exitCode()).as(topics.output()).isZero();
        String partitions = platform.env().require(PlatformVariable.CDC_TOPIC_PARTITIONS);
        CdcTopics cdcTopics = new CdcTopics(platform);
        for (String table : platform.capturedTables()) {
            String topic = cdcTopics.topic(table);
            assertThat(topics.output())
                    .containsPattern(Pattern.quote(topic) + "\\s+" + partitions + "\\s+[1-9][0-9]*\\s+"
                            + Pattern.quote(topic + "-key, " + topic + "-value"));
        }
    }

    @Test
    void logsPrintsTheLastLinesOfAComponentAndNamesTheClosestOneForATypo(LocalPlatform platform) {
        Result logs = platform.platform("logs", "connect", "-n", "5");
        assertThat(logs.exitCode()).as(logs.output()).isZero();
        assertThat(logs.output().strip().lines()).hasSize(5);

        Result typo = platform.platform("logs", "conect");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.output()).contains("no component conect (did you mean connect?)");
    }

    @Test
    void statusAsJsonHasEveryComponentConnectorAndTheSlot(LocalPlatform platform) throws Exception {
        Result status = platform.platform("status", "--json");
        assertThat(status.exitCode()).as(status.output()).isZero();
        JsonNode document = JSON.readTree(status.output());
        assertThat(document.path("healthy").asBoolean()).isTrue();
        List<String> names = new ArrayList<>();
        document.path("components").forEach(component -> {
            String name = component.path("name").asText();
            names.add(name);
            // The SQL layer is optional: off until something asks for it (SqlLayerIT, later, does).
            assertThat(component.path("state").asText())
                    .as(name)
                    .isIn(name.equals("flink-sql") ? List.of("healthy", "off") : List.of("healthy", "done"));
        });
        assertThat(names).contains("postgres", "kafka", "connect", "registry", "seeder", "pipeline");
        assertThat(document.path("connectors").size()).isPositive();
        document.path("connectors").forEach(state -> assertThat(state.asText()).isEqualTo("RUNNING"));
        JsonNode slot = document.path("replicationSlot");
        assertThat(slot.path("name").asText()).isEqualTo(platform.env().require(PlatformVariable.DEBEZIUM_SLOT));
        assertThat(slot.path("active").asBoolean()).isTrue();
        assertThat(slot.path("retainedWalBytes").isIntegralNumber()).isTrue();
    }

    /** The lines of tail's output that are JSON documents (the output here holds stderr too). */
    private static List<JsonNode> documents(Result tail) throws Exception {
        assertThat(tail.exitCode()).as(tail.output()).isZero();
        List<JsonNode> documents = new ArrayList<>();
        for (String line : tail.output().lines().toList()) {
            if (line.startsWith("{")) {
                documents.add(JSON.readTree(line));
            }
        }
        return documents;
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
