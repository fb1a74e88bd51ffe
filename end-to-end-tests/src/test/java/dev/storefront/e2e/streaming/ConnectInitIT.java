package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.CommittedReads;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.contract.run.FreePorts;
import dev.storefront.e2e.support.ConnectWorker;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** connect-init against the real Connect worker: idempotent, fails before touching Connect, waits for a late Connect. */
@Order(3)
@ExtendWith(LocalPlatformExtension.class)
class ConnectInitIT {

    private static final String SOURCE = "storefront-postgres-source";

    @Test
    void applyingTwiceChangesNothingAndLeavesEverythingRunning(LocalPlatform platform) throws Exception {
        long configRecordsBefore = configTopicRecords(platform, "_connect-configs");

        Result apply = platform.connectInit(Map.of(), "apply");

        assertThat(apply.exitCode()).as(apply.output()).isZero();
        assertThat(configTopicRecords(platform, "_connect-configs"))
                .as("records in Connect's config topic")
                .isEqualTo(configRecordsBefore);
        Result status = platform.connectInit(Map.of(), "status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains(SOURCE).contains("RUNNING");
    }

    @Test
    void aTemplateWithAMissingVariableExitsNonZeroAndRegistersNothing(LocalPlatform platform, @TempDir Path connectors)
            throws Exception {
        Files.writeString(connectors.resolve("broken-source.template.json"), """
                {"name": "broken-source", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "database.hostname": "${POSTGRES_HOST}",
                  "database.dbname": "${STOREFRONT_DB_THAT_NOBODY_DEFINED}"}}
                """);

        Result apply = platform.connectInit(Map.of(), "apply", "--connectors-dir", connectors.toString());

        assertThat(apply.exitCode()).isNotZero();
        assertThat(apply.output()).contains("STOREFRONT_DB_THAT_NOBODY_DEFINED");
        assertThat(connectorNames(platform.endpoints().connectUrl()))
                .doesNotContain("broken-source")
                .contains(SOURCE);
    }

    @Test
    void aTemplateWithAMisspeltKeyOrABadValueIsRefusedByNameAndRegistersNothing(
            LocalPlatform platform, @TempDir Path connectors) throws Exception {
        Files.writeString(
                connectors.resolve("misspelt-source.template.json"),
                sourceTemplate("misspelt-source", "\"snapshot.mdoe\": \"never\""));
        Files.writeString(
                connectors.resolve("bad-value-source.template.json"),
                sourceTemplate("bad-value-source", "\"snapshot.mode\": \"sometimes\""));

        Result apply = platform.connectInit(Map.of(), "apply", "--connectors-dir", connectors.toString());

        assertThat(apply.exitCode()).as(apply.output()).isNotZero();
        assertThat(apply.output())
                .contains("nothing was registered")
                .contains("snapshot.mdoe = \"never\": defined neither by"
                        + " io.debezium.connector.postgresql.PostgresConnector nor by Connect")
                .contains("(did you mean snapshot.mode?)")
                .contains("snapshot.mode = \"sometimes\"");
        assertThat(connectorNames(platform.endpoints().connectUrl()))
                .doesNotContain("misspelt-source", "bad-value-source")
                .contains(SOURCE);
    }

    /** A source connector that would be valid but for {@code oneMoreSetting}. */
    private static String sourceTemplate(String name, String oneMoreSetting) {
        return """
                {"name": "%s", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "plugin.name": "pgoutput",
                  "database.hostname": "${POSTGRES_HOST}",
                  "database.port": "${POSTGRES_PORT}",
                  "database.dbname": "${POSTGRES_DB}",
                  "database.user": "${DEBEZIUM_USER}",
                  "database.password": "${env:DEBEZIUM_PASSWORD}",
                  "publication.name": "${DEBEZIUM_PUBLICATION}",
                  "publication.autocreate.mode": "disabled",
                  "slot.name": "%s",
                  "topic.prefix": "%s",
                  %s}}
                """.formatted(name, name.replace('-', '_'), name, oneMoreSetting);
    }

    @Test
    void noSecretValueIsInConnectsConfigsOverRestOrInItsConfigTopic(LocalPlatform platform) throws Exception {
        String connect = platform.endpoints().connectUrl();
        StringBuilder stored = new StringBuilder();
        for (String connector : List.of(SOURCE, "analytics-jdbc-sink", "cdc-history-jdbc-sink")) {
            stored.append(get(connect + "/connectors/" + connector + "/config")).append('\n');
        }
        configTopicValues(platform).forEach(value -> stored.append(value).append('\n'));
        String everything = stored.toString();

        assertThat(everything)
                .as("the connectors' configs name the secrets as config-provider references")
                .contains("${env:DEBEZIUM_PASSWORD}", "${env:POSTGRES_PASSWORD}");
        assertThat(platform.env().mask(everything))
                .as("no value of a secret variable, as a whole token, over REST or in _connect-configs")
                .isEqualTo(everything);
    }

    @Test
    void startedBeforeConnectIsUpItWaitsAndSucceeds(LocalPlatform platform) throws Exception {
        int port = FreePorts.pick();
        Map<String, String> lateConnect = Map.of(
                "CONNECT_PORT", String.valueOf(port), "DEBEZIUM_SLOT", "late_connect_slot", "TOPIC_PREFIX", "late");
        CompletableFuture<Result> apply = CompletableFuture.supplyAsync(
                () -> platform.connectInit(lateConnect, "apply", SOURCE, "--timeout", "3m"));
        Thread.sleep(5000);
        assertThat(apply).as("connect-init waits while Connect is down").isNotDone();

        try (ConnectWorker worker = ConnectWorker.start(platform, "late-connect", port)) {
            Result result = apply.get();

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("waiting for Connect");
            assertThat(connectorNames("http://localhost:" + port)).contains(SOURCE);

            Result delete = platform.connectInit(lateConnect, "delete", SOURCE, "--drop-slot");
            assertThat(delete.exitCode()).as(delete.output()).isZero();
        }
        assertThat(slotExists(platform, "late_connect_slot"))
                .as("slot dropped by delete --drop-slot")
                .isFalse();
    }

    /** Every value Connect's config topic holds, from its beginning, as text. */
    private static List<String> configTopicValues(LocalPlatform platform) {
        Properties config = new Properties();
        config.putAll(CommittedReads.consumerConfig(platform.endpoints().kafkaBootstrap()));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor("_connect-configs", Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofSeconds(1)).forEach(record -> {
                    if (record.value() != null) {
                        values.add(new String(record.value(), StandardCharsets.UTF_8));
                    }
                });
            }
        }
        return values;
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static long configTopicRecords(LocalPlatform platform, String topic) {
        Properties config = new Properties();
        config.putAll(CommittedReads.consumerConfig(platform.endpoints().kafkaBootstrap()));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private static String connectorNames(String connectUrl) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(connectUrl + "/connectors"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static boolean slotExists(LocalPlatform platform, String slot) throws Exception {
        try (Connection db = platform.storefrontDb();
                PreparedStatement query =
                        db.prepareStatement("SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, slot);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
