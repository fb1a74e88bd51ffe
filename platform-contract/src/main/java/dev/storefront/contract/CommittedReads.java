package dev.storefront.contract;

import java.util.Map;

/**
 * How everything reads the platform's topics: committed records only. The source connector (Connect's exactly-once
 * source support) and the pipeline (exactly_once_v2) write in transactions, so a record of an aborted transaction, one
 * a crashed writer left behind, is no change; a reader at the default read_uncommitted would see it and, after the
 * writer's retry, see that change twice. Readers go by assignment and position and never commit offsets.
 */
public final class CommittedReads {

    /** The consumer setting, also as {@code consumer.override.isolation.level} of every sink template. */
    public static final String ISOLATION_LEVEL = "isolation.level";

    public static final String READ_COMMITTED = "read_committed";

    private CommittedReads() {}

    /** The consumer settings of a reader of {@code bootstrapServers}; add deserializers and, if needed, a group. */
    public static Map<String, Object> consumerConfig(String bootstrapServers) {
        return Map.of(
                "bootstrap.servers", bootstrapServers, ISOLATION_LEVEL, READ_COMMITTED, "enable.auto.commit", "false");
    }
}
