package dev.storefront.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.contract.CdcHistory;
import dev.storefront.contract.CommittedReads;
import dev.storefront.contract.Placeholders;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.RegistryWireFormat;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.serde.JsonSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JDBC sink templates, rendered from the root .env, read what the pipeline writes and write what verify reads. */
class SinkTemplatesTest {

    private static final PlatformEnv ENV = PlatformEnv.load(Path.of("../.env"), Map.of());
    private static final Topics TOPICS = new Topics(ENV.require(PlatformVariable.TOPIC_PREFIX));

    @Test
    void theAnalyticsSinkUpsertsTheRevenueTopicIntoTheTableVerifyReads() throws IOException {
        Map<String, String> config = render("analytics-jdbc-sink");

        assertThat(config)
                .containsEntry("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector")
                .containsEntry("topics", TOPICS.revenue())
                .containsEntry("collection.name.format", RevenueCheck.TABLE)
                .containsEntry("insert.mode", "upsert")
                .containsEntry("primary.key.mode", "record_key")
                .containsEntry("delete.enabled", "true")
                .containsEntry("schema.evolution", "basic")
                .containsEntry(
                        "connection.url",
                        "jdbc:postgresql://" + ENV.require(PlatformVariable.POSTGRES_HOST) + ":"
                                + ENV.require(PlatformVariable.POSTGRES_PORT) + "/"
                                + ENV.require(PlatformVariable.ANALYTICS_DB));
        assertApicurioConverters(config);
    }

    @Test
    void theHistorySinkWritesEveryTableTopicIntoTheCdcTableVerifyReadsOneRowPerChange() throws IOException {
        Map<String, String> config = render("cdc-history-jdbc-sink");

        // Every table topic, also of a table a later migration adds to the publication; nothing else.
        Pattern topics = Pattern.compile(config.get("topics.regex"));
        for (String table : List.of("customers", "order_items", "payments", "a_table_added_later")) {
            assertThat(topics.matcher(TOPICS.table(table)).matches())
                    .as(TOPICS.table(table))
                    .isTrue();
            assertThat(TOPICS.table(table)
                            .replaceAll(
                                    config.get("transforms.history.regex"),
                                    config.get("transforms.history.replacement")))
                    .isEqualTo(CdcHistoryCheck.historyTable(table));
        }
        assertThat(List.of(TOPICS.messages(), TOPICS.facts(), TOPICS.revenue(), "benchsnap.public.orders"))
                .noneMatch(topic -> topics.matcher(topic).matches());
        assertThat(config).doesNotContainKey("topics").containsEntry("consumer.override.metadata.max.age.ms", "10000");
        assertThat(config)
                .containsEntry("transforms", "unwrap,readPosition,history")
                // Incremental snapshot reads carry no LSN: recorded at 0, as ChangeEvent.position reads them.
                .containsEntry("transforms.readPosition.type", "dev.storefront.connect.history.ReadPositionAsZero")
                .containsEntry("transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState")
                .containsEntry("transforms.unwrap.delete.tombstone.handling.mode", "rewrite")
                .containsEntry("transforms.unwrap.add.fields", "op,source.ts_ms,source.lsn")
                // One row per change (row, WAL position, operation): a change delivered again is written once.
                .containsEntry("insert.mode", "upsert")
                .containsEntry("primary.key.mode", "record_value")
                .containsEntry("primary.key.fields", String.join(",", CdcHistory.KEY_COLUMNS))
                .containsEntry("schema.evolution", "basic")
                .containsEntry("connection.url", render("analytics-jdbc-sink").get("connection.url"));
        assertApicurioConverters(config);
    }

    @Test
    void bothSinksReadCommittedRecordsOnly() throws IOException {
        for (String sink : List.of("analytics-jdbc-sink", "cdc-history-jdbc-sink")) {
            assertThat(render(sink))
                    .as(sink)
                    .containsEntry(
                            "consumer.override." + CommittedReads.ISOLATION_LEVEL, CommittedReads.READ_COMMITTED);
        }
    }

    /**
     * Each put of the sink reads every table it writes back from the catalog first: the broker holds a fetch until a
     * batch is there, bounded in time so that the tables stay at most about half a second behind.
     */
    @Test
    void bothSinksWaitForABatchBeforeEachPutButNoLongerThanHalfASecond() throws IOException {
        for (String sink : List.of("analytics-jdbc-sink", "cdc-history-jdbc-sink")) {
            Map<String, String> config = render(sink);
            assertThat(Integer.parseInt(config.get("consumer.override.fetch.min.bytes")))
                    .as(sink)
                    .isGreaterThanOrEqualTo(65_536);
            assertThat(Integer.parseInt(config.get("consumer.override.fetch.max.wait.ms")))
                    .as(sink)
                    .isBetween(1, 500);
        }
    }

    private static void assertApicurioConverters(Map<String, String> config) {
        for (String side : new String[] {"key", "value"}) {
            assertThat(config)
                    .containsEntry(side + ".converter", "io.apicurio.registry.utils.converter.AvroConverter")
                    .containsAllEntriesOf(RegistryWireFormat.converterSettings(side));
        }
    }

    /** As connect-init renders: the platform's placeholders from .env; every one must be defined. */
    private static Map<String, String> render(String connector) throws IOException {
        JsonNode template =
                JsonSerde.MAPPER.readTree(Files.readString(Path.of("../connectors", connector + ".template.json")));
        assertThat(template.get("name").asText()).isEqualTo(connector);
        Map<String, String> config = new LinkedHashMap<>();
        template.get("config").fields().forEachRemaining(e -> {
            Placeholders.Rendered value = Placeholders.render(e.getValue().asText(), ENV.asMap());
            assertThat(value.undefined())
                    .as("undefined placeholders of %s", e.getKey())
                    .isEmpty();
            config.put(e.getKey(), value.text());
        });
        assertThat(config.get("connection.password"))
                .as("the password stays a reference the Connect worker resolves")
                .isEqualTo("${env:" + PlatformVariable.POSTGRES_PASSWORD + "}");
        return config;
    }
}
