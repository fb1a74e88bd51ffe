package dev.storefront.e2e.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import dev.storefront.e2e.support.SeederClient;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every pipeline output (order facts in Avro and Protobuf, the analytics topic and table, order_output, the _cdc
 * history tables) reconciles exactly with SQL over PostgreSQL, through `platform verify`, after a full load and
 * deltas with status changes, price changes and deletes, and also after the pipeline process is killed mid-stream.
 */
@Order(10)
@ExtendWith(LocalPlatformExtension.class)
class PipelineOutputsIT {

    @Test
    void everyOutputReconcilesWithPostgresAfterAFullLoadAndDeltas(LocalPlatform platform) throws Exception {
        SeederClient seeder = new SeederClient(platform);
        seeder.fullLoad(300, 50, 600, 31);
        JsonNode status = seeder.deltasWhile(100, () -> Thread.sleep(8000));
        assertThat(status.path("operations").path("order_status").asLong()).isPositive();
        assertThat(status.path("operations").path("product_change").asLong()).isPositive();
        assertThat(status.path("operations").path("delete_cancelled_order").asLong())
                .isPositive();

        String report = platform.awaitVerified();

        assertThat(report).contains("storefront.facts.orders", "order_output", "revenue_by_category_country", "_cdc");
    }

    @Test
    void killingThePipelineMidStreamStillReconciles(LocalPlatform platform) throws Exception {
        SeederClient seeder = new SeederClient(platform);
        long before = pipelinePid(platform);
        seeder.deltasWhile(100, () -> {
            Thread.sleep(3000);
            ProcessHandle.of(before).ifPresent(ProcessHandle::destroyForcibly);
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> pipelinePid(platform) != before
                            && platform.platform("status").exitCode() == 0);
            Thread.sleep(3000);
        });

        platform.awaitVerified();
    }

    private static long pipelinePid(LocalPlatform platform) {
        return platform.componentPids().getOrDefault("pipeline", -1L);
    }
}
