package dev.storefront.connectinit.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.DebeziumSignals;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.RegistryWireFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The repository's own templates render from the repository's own .env, with nothing left undefined. */
class ShippedTemplatesTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void everyShippedTemplateRendersFromTheRootDotEnv() {
        PlatformEnv env = PlatformEnv.load(ROOT.resolve(".env"), Map.of());
        TemplateCatalog catalog = TemplateCatalog.scan(ROOT.resolve("connectors"));

        List<RenderedConnector> connectors = new TemplateRenderer(env, catalog).render(catalog.names());

        assertThat(connectors).extracting(RenderedConnector::name).contains("storefront-postgres-source");
        for (RenderedConnector connector : connectors) {
            assertThat(connector.config().values())
                    .as(connector.name() + ": only config-provider references (${env:...}) are left for Connect")
                    .noneMatch(
                            value -> value.replaceAll("\\$\\{env:[A-Z_]+}", "").contains("${"));
        }
    }

    @Test
    void postgresSourceCapturesTheMigrationsPublicationAndSlot() throws IOException {
        PlatformEnv env = PlatformEnv.load(ROOT.resolve(".env"), Map.of());
        TemplateCatalog catalog = TemplateCatalog.scan(ROOT.resolve("connectors"));

        Map<String, String> config = new TemplateRenderer(env, catalog)
                .render(List.of("storefront-postgres-source"))
                .get(0)
                .config();

        assertThat(config)
                .containsEntry("connector.class", "dev.storefront.source.CommitOnRecordsPostgresConnector")
                .containsEntry("plugin.name", "pgoutput")
                // Streamed changes are written exactly once (the worker enables exactly-once source support).
                .containsEntry("exactly.once.support", "required")
                .containsEntry("publication.name", env.require(PlatformVariable.DEBEZIUM_PUBLICATION))
                .containsEntry("publication.autocreate.mode", "disabled")
                .containsEntry("slot.name", env.require(PlatformVariable.DEBEZIUM_SLOT))
                .containsEntry("database.user", env.require(PlatformVariable.DEBEZIUM_USER))
                .containsEntry("database.password", "${env:" + PlatformVariable.DEBEZIUM_PASSWORD + "}")
                .containsEntry("topic.prefix", env.require(PlatformVariable.TOPIC_PREFIX))
                .containsEntry("message.prefix.include.list", env.require(PlatformVariable.OUTBOX_PREFIX))
                .containsEntry("topic.creation.default.partitions", env.require(PlatformVariable.CDC_TOPIC_PARTITIONS))
                .containsEntry(
                        "value.converter.apicurio.registry.url",
                        "http://" + env.require(PlatformVariable.APICURIO_HOST) + ":"
                                + env.require(PlatformVariable.APICURIO_PORT) + "/apis/registry/v2");
        // Every table of schema public but Flyway's history, so that a table a migration adds to the publication
        // streams from its first row; and the signal table, which Debezium must capture to read its signals.
        List<Pattern> captured = Stream.of(config.get("table.include.list").split(","))
                .map(Pattern::compile)
                .toList();
        assertThat(publishedTables())
                .contains(DebeziumSignals.TABLE)
                .allMatch(
                        table ->
                                captured.stream().anyMatch(p -> p.matcher(table).matches()),
                        "matched by table.include.list");
        assertThat(captured)
                .noneMatch(p -> p.matcher("public.flyway_schema_history").matches());
        assertThat(config)
                .containsEntry("signal.enabled.channels", "source")
                .containsEntry("signal.data.collection", DebeziumSignals.TABLE);
        for (String side : List.of("key", "value")) {
            assertThat(config)
                    .containsEntry(side + ".converter", "dev.storefront.structavro.StructAvroConverter")
                    .containsAllEntriesOf(RegistryWireFormat.converterSettings(side));
        }
    }

    /** The tables the migrations put in the publication (CREATE PUBLICATION ... FOR TABLE, ALTER ... ADD TABLE). */
    private static List<String> publishedTables() throws IOException {
        Pattern published = Pattern.compile(
                "(?:CREATE PUBLICATION \\S+ FOR TABLE|ALTER PUBLICATION \\S+ ADD TABLE)\\s+([^;]+);",
                Pattern.CASE_INSENSITIVE);
        List<String> tables = new ArrayList<>();
        try (Stream<Path> migrations = Files.list(ROOT.resolve("migrations/sql"))) {
            for (Path migration : migrations.sorted().toList()) {
                Matcher matcher = published.matcher(Files.readString(migration));
                while (matcher.find()) {
                    for (String table : matcher.group(1).split(",")) {
                        String name = table.trim();
                        tables.add(name.contains(".") ? name : "public." + name);
                    }
                }
            }
        }
        return tables;
    }
}
