package dev.storefront.contract.metrics;

import dev.storefront.contract.PlatformEndpoints;
import java.util.function.Function;

/**
 * The series of the platform's /metrics endpoints that its summaries and dashboards read, each declared once: which
 * endpoint serves it, its selector (PromQL, as the dashboards' queries write it), whether it counts up or is a level,
 * and a caption. `./platform metrics` prints them, the end-to-end tests require each with a value after deltas ran,
 * and the compose profile's dashboards may only query series listed here.
 */
public enum PlatformSeries {
    BROKER_MESSAGES_IN(
            Source.KAFKA,
            Kind.COUNTER,
            "messages in",
            "kafka_server_brokertopicmetrics_count{name=\"MessagesInPerSec\",topic=\"\"}"),
    BROKER_BYTES_IN(
            Source.KAFKA,
            Kind.COUNTER,
            "bytes in",
            "kafka_server_brokertopicmetrics_count{name=\"BytesInPerSec\",topic=\"\"}"),
    BROKER_PARTITIONS(
            Source.KAFKA, Kind.LEVEL, "partitions", "kafka_server_replicamanager_value{name=\"PartitionCount\"}"),
    BROKER_OFFLINE_PARTITIONS(
            Source.KAFKA,
            Kind.LEVEL,
            "offline partitions",
            "kafka_controller_kafkacontroller_value{name=\"OfflinePartitionsCount\"}"),
    BROKER_HEAP(Source.KAFKA, Kind.BYTES, "heap used", "jvm_memory_used_bytes{area=\"heap\"}"),
    BROKER_GC(Source.KAFKA, Kind.SECONDS, "GC time", "jvm_gc_collection_seconds_sum"),
    CAPTURE_EVENTS(
            Source.CONNECT,
            Kind.COUNTER,
            "Debezium events seen",
            "debezium_postgres_connector_metrics_totalnumberofeventsseen{context=\"streaming\"}"),
    CAPTURE_LAG(
            Source.CONNECT,
            Kind.MILLIS,
            "Debezium behind source",
            "debezium_postgres_connector_metrics_millisecondsbehindsource{context=\"streaming\"}"),
    CAPTURE_QUEUE_FREE(
            Source.CONNECT,
            Kind.LEVEL,
            "Debezium queue free",
            "debezium_postgres_connector_metrics_queueremainingcapacity{context=\"streaming\"}"),
    SOURCE_RECORDS_WRITTEN(
            Source.CONNECT,
            Kind.COUNTER,
            "source records written",
            "kafka_connect_source_task_metrics_source_record_write"),
    CONNECT_TASKS_RUNNING(
            Source.CONNECT,
            Kind.LEVEL,
            "tasks running",
            "kafka_connect_connect_worker_metrics_connector_running_task_count"),
    CONNECT_TASKS_FAILED(
            Source.CONNECT,
            Kind.LEVEL,
            "tasks failed",
            "kafka_connect_connect_worker_metrics_connector_failed_task_count"),
    SINK_RECORDS_READ(
            Source.CONNECT, Kind.COUNTER, "sink records read", "kafka_connect_sink_task_metrics_sink_record_read"),
    /** Each consumer's worst partition (the per-topic samples left out), summed over the worker's consumers. */
    SINK_LAG(
            Source.CONNECT,
            Kind.LEVEL,
            "consumer lag (records)",
            "kafka_consumer_consumer_fetch_manager_metrics_records_lag_max{topic=\"\"}"),
    CONNECT_HEAP(Source.CONNECT, Kind.BYTES, "heap used", "jvm_memory_used_bytes{area=\"heap\"}"),
    CONNECT_GC(Source.CONNECT, Kind.SECONDS, "GC time", "jvm_gc_collection_seconds_sum"),
    PIPELINE_PROCESSED(Source.PIPELINE, Kind.COUNTER, "records processed", "kafka_stream_thread_process_total"),
    /**
     * From a record's timestamp (its CDC event's, about the commit plus capture) to its order fact leaving the
     * pipeline, averaged over Kafka Streams' sample window; order-facts-avro is the facts' sink node.
     */
    PIPELINE_FACT_LATENCY(
            Source.PIPELINE,
            Kind.MILLIS,
            "record -> fact (avg)",
            "kafka_stream_processor_node_record_e2e_latency_avg{processor_node_id=\"order-facts-avro\"}"),
    PIPELINE_LAG(Source.PIPELINE, Kind.LEVEL, "consumer lag (records)", "kafka_consumer_fetch_manager_records_lag_max"),
    PIPELINE_HEAP(Source.PIPELINE, Kind.BYTES, "heap used", "jvm_memory_used_bytes{area=\"heap\"}"),
    PIPELINE_GC(Source.PIPELINE, Kind.SECONDS, "GC time", "jvm_gc_pause_seconds_sum"),
    SEEDER_OPERATIONS(Source.SEEDER, Kind.COUNTER, "delta operations", "seeder_delta_operations_total"),
    SEEDER_HEAP(Source.SEEDER, Kind.BYTES, "heap used", "jvm_memory_used_bytes{area=\"heap\"}"),
    SEEDER_GC(Source.SEEDER, Kind.SECONDS, "GC time", "jvm_gc_pause_seconds_sum");

    /** A /metrics endpoint of the platform. */
    public enum Source {
        KAFKA("kafka", PlatformEndpoints::kafkaMetricsUrl),
        CONNECT("connect", PlatformEndpoints::connectMetricsUrl),
        PIPELINE("pipeline", PlatformEndpoints::pipelineMetricsUrl),
        SEEDER("seeder", PlatformEndpoints::seederMetricsUrl);

        private final String component;
        private final Function<PlatformEndpoints, String> url;

        Source(String component, Function<PlatformEndpoints, String> url) {
            this.component = component;
            this.url = url;
        }

        public String component() {
            return component;
        }

        public String url(PlatformEndpoints endpoints) {
            return url.apply(endpoints);
        }
    }

    /**
     * How a value reads: counters (and SECONDS, a counter of seconds spent) as a rate between two scrapes, the others
     * as they are.
     */
    public enum Kind {
        COUNTER,
        SECONDS,
        LEVEL,
        MILLIS,
        BYTES
    }

    private final Source source;
    private final Kind kind;
    private final String caption;
    private final Selector selector;

    PlatformSeries(Source source, Kind kind, String caption, String selector) {
        this.source = source;
        this.kind = kind;
        this.caption = caption;
        this.selector = Selector.parse(selector);
    }

    public Source source() {
        return source;
    }

    public Kind kind() {
        return kind;
    }

    public String caption() {
        return caption;
    }

    public Selector selector() {
        return selector;
    }
}
