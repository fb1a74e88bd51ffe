package dev.storefront.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.debezium.config.Configuration;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import io.debezium.pipeline.meters.StreamingMeter;
import io.debezium.pipeline.metrics.DefaultStreamingChangeEventSourceMetrics;
import io.debezium.pipeline.metrics.StreamingChangeEventSourceMetrics;
import io.debezium.pipeline.source.spi.EventMetadataProvider;
import io.debezium.pipeline.spi.OffsetContext;
import io.debezium.relational.TableId;
import io.debezium.spi.schema.DataCollectionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** On Debezium's own streaming meter: the fields it replaces exist, the lag is recorded, the meter's thread is gone. */
class InlineLagMeasurementTest {

    private static final Duration LAG = Duration.ofMillis(4_321);

    /** Every change 4.3 s old. */
    private static final EventMetadataProvider METADATA = new EventMetadataProvider() {
        @Override
        public Instant getEventTimestamp(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            return Instant.now().minus(LAG);
        }

        @Override
        public Map<String, String> getEventSourcePosition(
                DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            return Map.of("lsn", "1");
        }

        @Override
        public String getTransactionId(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            return null;
        }
    };

    @Test
    void recordsTheLagOnTheCallersThreadAndStopsTheMetersOwn() throws Exception {
        StreamingMeter meter = new StreamingMeter(
                new PostgresConnectorConfig(Configuration.create()
                        .with("topic.prefix", "storefront")
                        .with("database.dbname", "storefront")
                        .build()),
                List::of,
                METADATA);
        assertThat(publisherThreads())
                .as("Debezium's meter starts a thread of its own")
                .isNotEmpty();

        InlineLagMeasurement.install(meter);

        // Debezium's collector would record the next lag on that thread only: with it gone, nothing would.
        await().atMost(Duration.ofSeconds(10)).until(() -> publisherThreads().isEmpty());
        meter.onEvent(new TableId("storefront", "public", "orders"), null, null, null);
        assertThat(meter.getMilliSecondsBehindSource()).isBetween(LAG.toMillis(), LAG.toMillis() + 5_000);
    }

    @Test
    void findsTheStreamingMeterWhereTheTaskLooksForIt() throws Exception {
        assertThat(ChangeEventSourceCoordinator.class
                        .getDeclaredField("streamingMetrics")
                        .getType())
                .isEqualTo(StreamingChangeEventSourceMetrics.class);
        assertThat(DefaultStreamingChangeEventSourceMetrics.class
                        .getDeclaredField("streamingMeter")
                        .getType())
                .isEqualTo(StreamingMeter.class);
    }

    private static List<Thread> publisherThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getClassName().endsWith("MeasurementCollector$MeasurementPublisher")))
                .map(Map.Entry::getKey)
                .toList();
    }
}
