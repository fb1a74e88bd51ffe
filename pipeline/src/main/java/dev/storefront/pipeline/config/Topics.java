package dev.storefront.pipeline.config;

import dev.storefront.contract.CdcTopicNames;
import dev.storefront.contract.StorefrontTables;
import java.util.List;
import java.util.stream.Stream;

/**
 * Names of the topics the pipeline reads and writes, all derived from the CDC topic prefix ({@code TOPIC_PREFIX})
 * except seed 004's {@code order_output}, so the connector templates can name them from .env too.
 */
public record Topics(String prefix) {

    /** The source tables the pipeline reads (payments feeds only the CDC history sink). */
    public static final List<String> TABLES = StorefrontTables.READ_BY_PIPELINE;

    /** Debezium's change topic of a storefront table. */
    public String table(String table) {
        return new CdcTopicNames(prefix).table(table);
    }

    /** Debezium's topic of logical decoding messages (the outbox). */
    public String messages() {
        return new CdcTopicNames(prefix).messages();
    }

    public String facts() {
        return prefix + ".facts.orders";
    }

    public String factsProtobuf() {
        return facts() + ".protobuf";
    }

    public String revenue() {
        return prefix + ".analytics.revenue_by_category_country";
    }

    public String orderOutput() {
        return "order_output";
    }

    public String deadLetters() {
        return orderOutput() + ".dlq";
    }

    public List<String> inputs() {
        return Stream.concat(TABLES.stream().map(this::table), Stream.of(messages()))
                .toList();
    }

    /** Upsert topics: compacted, the latest value per key is the output. */
    public List<String> upsertOutputs() {
        return List.of(facts(), factsProtobuf(), revenue(), orderOutput());
    }

    /** Every topic the pipeline writes. */
    public List<String> outputs() {
        return Stream.concat(upsertOutputs().stream(), Stream.of(deadLetters())).toList();
    }
}
