package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storefront.contract.run.Command.Result;
import dev.storefront.e2e.support.CdcTopics;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import dev.storefront.e2e.support.Rows;
import dev.storefront.e2e.support.SeederClient;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping and starting the whole platform while deltas run: Debezium resumes from its committed offset, with no
 * new snapshot and no lost change (the latest state per key in Kafka equals PostgreSQL).
 */
@Order(100)
@ExtendWith(LocalPlatformExtension.class)
class PlatformRestartIT {

    @Test
    void debeziumResumesFromItsOffsetWithoutResnapshotOrLoss(LocalPlatform platform) throws Exception {
        CdcTopics topics = new CdcTopics(platform);
        SeederClient seeder = new SeederClient(platform);
        seeder.fullLoad(200, 30, 300, 21);
        long snapshotEventsBefore = snapshotEvents(platform, topics);

        seeder.startDeltas(80);
        Thread.sleep(4000);
        Result down = platform.down();
        assertThat(down.exitCode()).as(down.output()).isZero();
        platform.up();
        seeder.startDeltas(80);
        Thread.sleep(4000);
        seeder.stopDeltas();

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    try (Connection db = platform.storefrontDb()) {
                        for (String table : platform.capturedTables()) {
                            assertThat(topics.latestState(table))
                                    .as("latest state of %s after the restart", table)
                                    .isEqualTo(Rows.fromTable(db, table));
                        }
                    }
                });
        assertThat(snapshotEvents(platform, topics))
                .as("snapshot (op r) events: no re-snapshot after the restart")
                .isEqualTo(snapshotEventsBefore);
    }

    private static long snapshotEvents(LocalPlatform platform, CdcTopics topics) {
        return platform.capturedTables().stream()
                .mapToLong(table -> topics.events(table).stream()
                        .filter(e -> e.op().equals("r"))
                        .count())
                .sum();
    }
}
