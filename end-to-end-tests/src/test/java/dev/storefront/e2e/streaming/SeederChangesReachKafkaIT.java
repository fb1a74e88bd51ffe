package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.e2e.support.CdcTopics;
import dev.storefront.e2e.support.ChangeEvent;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import dev.storefront.e2e.support.Rows;
import dev.storefront.e2e.support.SeederClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seeder's writes reach Kafka through Debezium as Avro events with their schemas in Apicurio: a full load gives
 * exactly one create (or snapshot) event per row, deltas give c/u/d events whose images match PostgreSQL.
 */
@Order(2)
@ExtendWith(LocalPlatformExtension.class)
class SeederChangesReachKafkaIT {

    private static LocalPlatform platform;
    private static List<String> tables;
    private static CdcTopics topics;
    private static SeederClient seeder;

    @BeforeAll
    static void fullLoad(LocalPlatform shared) {
        platform = shared;
        topics = new CdcTopics(platform);
        seeder = new SeederClient(platform);
        tables = platform.capturedTables();
        assertThat(tables).as("the publication's tables").contains("customers", "orders", "payments");
        JsonNode result = seeder.fullLoad(400, 60, 800, 11);
        assertThat(result.path("rows").path("orders").asInt()).isEqualTo(800);
    }

    @Test
    void aFullLoadGivesExactlyOneCreateOrSnapshotEventPerRow() {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    try (Connection db = platform.storefrontDb()) {
                        for (String table : tables) {
                            Set<Long> rowIds = Rows.fromTable(db, table).keySet();
                            Map<Long, Long> creates = topics.events(table).stream()
                                    .filter(e -> e.op().equals("c") || e.op().equals("r"))
                                    .collect(Collectors.groupingBy(ChangeEvent::id, Collectors.counting()));
                            assertThat(creates.values())
                                    .as("create/snapshot events per row of %s", table)
                                    .allMatch(n -> n == 1);
                            assertThat(creates.keySet())
                                    .as("rows of %s with their create event", table)
                                    .containsAll(rowIds);
                        }
                    }
                });
    }

    @Test
    void deltasGiveCreateUpdateDeleteEventsWhoseImagesMatchPostgres() throws Exception {
        Map<String, Long> opsBefore = opsOf("orders");
        seeder.deltasWhile(100, () -> Thread.sleep(6000));

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    try (Connection db = platform.storefrontDb()) {
                        for (String table : tables) {
                            assertThat(topics.latestState(table))
                                    .as("latest state of %s in Kafka vs PostgreSQL", table)
                                    .isEqualTo(Rows.fromTable(db, table));
                        }
                    }
                });
        Map<String, Long> opsAfter = opsOf("orders");
        for (String op : List.of("c", "u", "d")) {
            assertThat(opsAfter.getOrDefault(op, 0L))
                    .as("orders events with op %s", op)
                    .isGreaterThan(opsBefore.getOrDefault(op, 0L));
        }
    }

    @Test
    void everyTableHasItsKeyAndValueSchemasInTheRegistry() throws Exception {
        HttpResponse<String> subjects = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(platform.endpoints().registryCcompatUrl() + "/subjects"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(subjects.statusCode()).isEqualTo(200);
        for (String table : tables) {
            assertThat(subjects.body())
                    .contains("\"" + topics.topic(table) + "-key\"", "\"" + topics.topic(table) + "-value\"");
        }
    }

    private static Map<String, Long> opsOf(String table) {
        return topics.events(table).stream().collect(Collectors.groupingBy(ChangeEvent::op, Collectors.counting()));
    }
}
