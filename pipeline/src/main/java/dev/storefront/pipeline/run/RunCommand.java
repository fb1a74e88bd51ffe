package dev.storefront.pipeline.run;

import dev.storefront.contract.PlatformEnvException;
import dev.storefront.contract.cli.ExitCode;
import dev.storefront.pipeline.PipelineCli;
import dev.storefront.pipeline.config.PipelineConfig;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.serde.RegistrySerdes;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Runs the streams application until SIGTERM (clean close) or a fatal stream error (exit 1). */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Creates the missing topics, then runs the pipeline until stopped (SIGTERM closes it cleanly).",
            "GET http://localhost:$${PIPELINE_PORT}/health answers 200 while the streams are RUNNING; /metrics serves"
                    + " Kafka Streams' and the JVM's metrics as Prometheus text."
        })
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STALL_CHECK = Duration.ofSeconds(5);

    @ParentCommand
    private PipelineCli cli;

    @Override
    public Integer call() throws Exception {
        PipelineConfig config = cli.config();
        Topics topics = config.topics();
        AtomicReference<KafkaStreams> running = new AtomicReference<>();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        // The port is claimed first: a taken port fails before any topic is created.
        try (HealthServer health = startHealth(config.healthHost(), config.healthPort(), running, metrics)) {
            int tablePartitions;
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
                tablePartitions = TopicProvisioner.ensure(admin, topics, config.partitions(), ADMIN_TIMEOUT);
            }
            KafkaStreams streams = new KafkaStreams(
                    PipelineTopology.build(
                            topics, new RegistrySerdes(config.serde()), config.outboxPrefix(), tablePartitions),
                    config.streams());
            running.set(streams);
            AtomicReference<KafkaStreamsMetrics> streamsMetrics = new AtomicReference<>(bind(streams, metrics));
            CountDownLatch stopped = new CountDownLatch(1);
            StallWatch watch = new StallWatch(config.stallTimeout(), System::currentTimeMillis);
            streams.setGlobalStateRestoreListener(watch);
            streams.setStateListener((now, before) -> {
                LOG.info("Streams state {} -> {}", before, now);
                watch.changed(now);
                if (now == KafkaStreams.State.RUNNING) {
                    // Tasks and their metrics (end-to-end latency per node) exist only from here; the binder's own
                    // refresh missed them (its scheduled check stops for good on its first exception).
                    streamsMetrics.getAndSet(bind(streams, metrics)).close();
                }
                if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                    stopped.countDown();
                }
            });
            streams.setUncaughtExceptionHandler(e -> {
                LOG.error("A stream thread failed; stopping the pipeline (a restart resumes from the last commit)", e);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            Thread closer = new Thread(() -> streams.close(CLOSE_TIMEOUT), "pipeline-shutdown");
            Runtime.getRuntime().addShutdownHook(closer);
            LOG.info(
                    "Pipeline starting: reads {}, writes {}; health on port {}",
                    topics.inputs(),
                    topics.outputs(),
                    health.port());
            streams.start();
            if (awaitStopOrStall(stopped, watch)) {
                LOG.error(
                        "Streams stuck in {} for {} s (no state change, nothing restored; pipeline.stall-timeout-seconds):"
                                + " exiting so that a fresh pipeline resumes from the last commit",
                        watch.state(),
                        watch.stillFor().toSeconds());
                streams.close(CLOSE_TIMEOUT);
                return ExitCode.FAILED;
            }
            return streams.state() == KafkaStreams.State.ERROR ? ExitCode.FAILED : ExitCode.OK;
        }
    }

    private static KafkaStreamsMetrics bind(KafkaStreams streams, PrometheusMeterRegistry metrics) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        binder.bindTo(metrics);
        return binder;
    }

    /** Waits until the streams stop (false) or stall (true). */
    private static boolean awaitStopOrStall(CountDownLatch stopped, StallWatch watch) throws InterruptedException {
        while (!stopped.await(STALL_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
            if (watch.stalled()) {
                return true;
            }
        }
        return false;
    }

    private static HealthServer startHealth(
            String host, int port, AtomicReference<KafkaStreams> running, PrometheusMeterRegistry metrics) {
        try {
            return HealthServer.start(
                    host,
                    port,
                    () -> {
                        KafkaStreams streams = running.get();
                        return streams == null ? KafkaStreams.State.CREATED : streams.state();
                    },
                    metrics::scrape);
        } catch (IOException e) {
            throw new PlatformEnvException(
                    "Cannot listen on port " + port + " (pipeline.health-port, PIPELINE_PORT): " + e.getMessage());
        }
    }
}
