package dev.storefront.source;

import io.debezium.connector.postgresql.PostgresOffsetContext;
import io.debezium.connector.postgresql.SourceInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * How a restarted task resumes when its last committed record was a change inside a transaction: Debezium reads that
 * transaction again from its BEGIN, and the task drops the changes of it that Kafka already has.
 *
 * <p>Why not Debezium's own resume: inside a group of changes that share one LSN (COPY, multi-row inserts: one WAL
 * record for many rows) Debezium 3.7 skips as many messages at that LSN as its offset counted changes
 * ({@code lsn_events_processed}), but its pgoutput decoder also counts the transaction's BEGIN when BEGIN has the same
 * LSN (the group is the transaction's first record), so the last committed change came a second time (the fault drill:
 * PostgreSQL killed while the full load was being captured, one product created twice in its CDC topic). With one change
 * counted (a group cut after its first row) it does not count at all and skips the rest of the group. Read again from
 * BEGIN, the changes get the same positions (LSN, count at that LSN) as the first time, so dropping by position needs
 * neither count to be right.
 */
final class OpenTransactionReplay {

    /** Offsets of these messages are changes inside a transaction. */
    private static final Set<String> CHANGES = Set.of("INSERT", "UPDATE", "DELETE");

    private final long txId;
    private final long lsn;
    private final long eventsAtLsn;

    private OpenTransactionReplay(long txId, long lsn, long eventsAtLsn) {
        this.txId = txId;
        this.lsn = lsn;
        this.eventsAtLsn = eventsAtLsn;
    }

    /** The replay a restart from {@code offset} needs: one if its record was a change inside a transaction. */
    static Optional<OpenTransactionReplay> after(Map<String, ?> offset) {
        if (offset == null
                || !CHANGES.contains(String.valueOf(offset.get(SourceInfo.MSG_TYPE_KEY)))
                || offset.containsKey("snapshot")
                || !(offset.get(SourceInfo.TXID_KEY) instanceof Number txId)
                || !(offset.get(SourceInfo.LSN_KEY) instanceof Number lsn)
                || !(offset.get(PostgresOffsetContext.LAST_COMMIT_LSN_KEY) instanceof Number)) {
            return Optional.empty();
        }
        long events =
                offset.get(PostgresOffsetContext.LSN_EVENTS_PROCESSED_KEY) instanceof Number n ? n.longValue() : 0;
        return Optional.of(new OpenTransactionReplay(txId.longValue(), lsn.longValue(), events));
    }

    /**
     * The offset Debezium starts from instead: just past the commit before the transaction (the last one it processed),
     * as if the transaction's BEGIN had not arrived yet. The byte after that commit's LSN is no record's start (records
     * are 8-byte aligned): nothing at that LSN is sent again, and the first transaction to come is the open one.
     */
    Map<String, Object> startOffset(Map<String, ?> offset) {
        long lastCommit = ((Number) offset.get(PostgresOffsetContext.LAST_COMMIT_LSN_KEY)).longValue();
        Map<String, Object> start = new HashMap<>(offset);
        start.put(SourceInfo.LSN_KEY, lastCommit + 1);
        start.put(PostgresOffsetContext.LAST_COMPLETELY_PROCESSED_LSN_KEY, lastCommit + 1);
        start.put(SourceInfo.MSG_TYPE_KEY, "COMMIT");
        start.remove(PostgresOffsetContext.LSN_EVENTS_PROCESSED_KEY);
        return start;
    }

    /** Whether {@code record}, read again, is one Kafka has: of the transaction, at or before the last committed. */
    boolean alreadyCommitted(SourceRecord record) {
        Map<String, ?> offset = record.sourceOffset();
        if (offset == null
                || !(offset.get(SourceInfo.TXID_KEY) instanceof Number recordTxId)
                || recordTxId.longValue() != txId
                || !(offset.get(SourceInfo.LSN_KEY) instanceof Number recordLsn)) {
            return false;
        }
        long events =
                offset.get(PostgresOffsetContext.LSN_EVENTS_PROCESSED_KEY) instanceof Number n ? n.longValue() : 0;
        return recordLsn.longValue() < lsn || (recordLsn.longValue() == lsn && events <= eventsAtLsn);
    }

    @Override
    public String toString() {
        return "transaction " + txId + " up to LSN " + lsn + " (" + eventsAtLsn + " changes at it)";
    }
}
