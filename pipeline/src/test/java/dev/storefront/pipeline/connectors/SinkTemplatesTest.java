package dev.storefront.pipeline.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.env.PlatformEnv;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.serde.JsonSerde;
import dev.storefront.pipeline.verify.CdcHistoryCheck;
import dev.storefront.pipeline.verify.RevenueCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

/** The JDBC sink templates, rendered from the root .env, read what the pipeline writes and write what verify reads. */
class SinkTemplatesTest {

    private static final PlatformEnv ENV = PlatformEnv.load(Path.of("../.env"), Map.of());
    private static final Topics TOPICS = new Topics(ENV.require("TOPIC_PREFIX"));

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
                .containsEntry("connection.url", "jdbc:postgresql://" + ENV.require("POSTGRES_HOST") + ":"
                        + ENV.require("POSTGRES_PORT") + "/" + ENV.require("ANALYTICS_DB"));
        assertApicurioConverters(config);
    }

    @Test
    void theHistorySinkAppendsEveryTableTopicToTheCdcTableVerifyReads() throws IOException {
        Map<String, String> config = render("cdc-history-jdbc-sink");

        assertThat(config.get("topics").split(",")).containsExactlyInAnyOrderElementsOf(
                CdcHistoryCheck.TABLES.stream().map(TOPICS::table).toList());
        for (String table : CdcHistoryCheck.TABLES) {
            assertThat(TOPICS.table(table).replaceAll(config.get("transforms.history.regex"),
                    config.get("transforms.history.replacement"))).isEqualTo(CdcHistoryCheck.historyTable(table));
        }
        assertThat(config)
                .containsEntry("transforms", "unwrap,history")
                .containsEntry("transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState")
                .containsEntry("transforms.unwrap.delete.tombstone.handling.mode", "rewrite")
                .containsEntry("transforms.unwrap.add.fields", "op,source.ts_ms,source.lsn")
                .containsEntry("insert.mode", "insert")
                .containsEntry("primary.key.mode", "none")
                .containsEntry("schema.evolution", "basic")
                .containsEntry("connection.url", render("analytics-jdbc-sink").get("connection.url"));
        assertApicurioConverters(config);
    }

    private static void assertApicurioConverters(Map<String, String> config) {
        for (String side : new String[] {"key", "value"}) {
            assertThat(config)
                    .containsEntry(side + ".converter", "io.apicurio.registry.utils.converter.AvroConverter")
                    .containsEntry(side + ".converter.apicurio.registry.as-confluent", "true")
                    .containsEntry(side + ".converter.apicurio.registry.use-id", "contentId")
                    .containsEntry(side + ".converter.apicurio.registry.headers.enabled", "false");
        }
    }

    /** As connect-init renders: plain ${VAR} from .env; every placeholder must be defined. */
    private static Map<String, String> render(String connector) throws IOException {
        JsonNode template = JsonSerde.MAPPER.readTree(
                Files.readString(Path.of("../connectors", connector + ".template.json")));
        assertThat(template.get("name").asText()).isEqualTo(connector);
        StringSubstitutor substitutor = new StringSubstitutor(name -> ENV.get(name).orElse(null));
        substitutor.setValueDelimiterMatcher(null);
        Map<String, String> config = new LinkedHashMap<>();
        template.get("config").fields().forEachRemaining(e -> config.put(e.getKey(), substitutor.replace(e.getValue().asText())));
        assertThat(config.values()).as("undefined placeholders").noneMatch(value -> value.contains("${"));
        assertThat(config.get("connection.password")).isEqualTo(ENV.require("POSTGRES_PASSWORD"));
        return config;
    }
}
