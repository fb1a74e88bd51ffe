package dev.storefront.pipeline.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A message the outbox could not decode, as written to the dead-letter topic: why, and enough of the message
 * to find it (prefix, WAL position, transaction) and to replay it (the raw content).
 */
public record DeadLetter(
        String reason,
        String prefix,
        Long lsn,
        @JsonProperty("tx_id") Long txId,
        @JsonProperty("ts_ms") Long tsMs,
        String content) {

    /** The header carrying the reason, so consumers can filter without parsing the value. */
    public static final String REASON_HEADER = "dlq.reason";
}
