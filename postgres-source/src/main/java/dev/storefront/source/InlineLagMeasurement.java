package dev.storefront.source;

import io.debezium.metrics.event.LagBehindSourceEvent;
import io.debezium.metrics.stats.LagBehindSourceMeasurement;
import io.debezium.metrics.stats.MeasurementCollector;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import io.debezium.pipeline.meters.StreamingMeter;
import io.debezium.pipeline.metrics.DefaultStreamingChangeEventSourceMetrics;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debezium's lag metric ({@code MilliSecondsBehindSource} and its statistics) recorded on the thread that reads the
 * changes, as Debezium recorded it before it computed the lag's quantiles (debezium/debezium#6976). Debezium 3.7 hands
 * every streamed change's lag to a queue that a thread of its own drains ({@code MeasurementCollector}): on 2 cores
 * that thread woke 23,000-34,000 times for 100,000 changes and each wake-up took the core from the reading thread (as
 * many involuntary switches of it), for one number a single write keeps. The measurement itself is Debezium's and
 * stays where JMX reads it.
 *
 * <p>Debezium 3.7 has no setting for it, so the streaming meter's collector is replaced by field (its private fields
 * {@code streamingMeter}, {@code measurementCollector}, {@code lagBehindSourceMeasurement});
 * {@code InlineLagMeasurementTest} fails when a Debezium version changes them. Should they be missing, the task logs it
 * and keeps Debezium's collector.
 */
final class InlineLagMeasurement extends MeasurementCollector<LagBehindSourceEvent> {

    private static final Logger LOGGER = LoggerFactory.getLogger(InlineLagMeasurement.class);

    private final LagBehindSourceMeasurement lag;

    private InlineLagMeasurement(LagBehindSourceMeasurement lag) {
        this.lag = lag;
    }

    /** On {@code coordinator}'s streaming meter, once it has started (its metrics exist from then on). */
    static void install(ChangeEventSourceCoordinator<?, ?> coordinator) {
        try {
            Object metrics = field(ChangeEventSourceCoordinator.class, "streamingMetrics")
                    .get(coordinator);
            install((StreamingMeter) field(DefaultStreamingChangeEventSourceMetrics.class, "streamingMeter")
                    .get(metrics));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.warn(
                    "Debezium's lag metric keeps its own thread (this Debezium has other fields): {}", e.toString());
        }
    }

    /** Replaces {@code meter}'s collector, and stops the replaced one's thread. */
    static void install(StreamingMeter meter) throws ReflectiveOperationException {
        Field collector = field(StreamingMeter.class, "measurementCollector");
        LagBehindSourceMeasurement lag = (LagBehindSourceMeasurement)
                field(StreamingMeter.class, "lagBehindSourceMeasurement").get(meter);
        MeasurementCollector<?> replaced = (MeasurementCollector<?>) collector.get(meter);
        collector.set(meter, new InlineLagMeasurement(lag));
        replaced.stop();
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** Recorded by the caller, the thread that reads the changes. */
    @Override
    public void accept(LagBehindSourceEvent event) {
        lag.accept(event);
    }

    /** No thread to start: Debezium's collector starts its publisher here (from its constructor, too). */
    @Override
    public void start() {}

    @Override
    public void stop() {}

    @Override
    public void reset() {}
}
