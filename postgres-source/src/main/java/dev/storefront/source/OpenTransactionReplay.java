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
 * <p>Why not Debezium's own resume: inside a group of changes that share one LSN (a COPY writes one WAL record for
 * many rows) Debezium 3.7 skips as many messages at that LSN as its offset counted changes
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
    /** Records of these messages come from the stream; others (heartbeats) carry the position they were sent at. */
    private static final Set<String> STREAMED = Set.of("INSERT", "UPDATE", "DELETE", "TRUNCATE", "MESSAGE");

    private final long txId;
    private final long lsn;
    private final long eventsAtLsn;
    private final long lastCommit;

    private OpenTransactionReplay(long txId, long lsn, long eventsAtLsn, long lastCommit) {
        this.txId = txId;
        this.lsn = lsn;
        this.eventsAtLsn = eventsAtLsn;
        this.lastCommit = lastCommit;
    }

    /** The replay a restart from {@code offset} needs: one if its record was a change inside a transaction. */
    static Optional<OpenTransactionReplay> after(Map<String, ?> offset) {
        if (offset == null
                || !CHANGES.contains(String.valueOf(offset.get(SourceInfo.MSG_TYPE_KEY)))
                || offset.containsKey("snapshot")
                || !(offset.get(SourceInfo.TXID_KEY) instanceof Number txId)
                || !(offset.get(SourceInfo.LSN_KEY) instanceof Number lsn)
                || !(offset.get(PostgresOffsetContext.LAST_COMMIT_LSN_KEY) instanceof Number lastCommit)) {
            return Optional.empty();
        }
        return Optional.of(new OpenTransactionReplay(
                txId.longValue(), lsn.longValue(), eventsAtLsn(offset), lastCommit.longValue()));
    }

    /**
     * The offset Debezium starts from instead: just past the commit before the transaction (the last one it processed),
     * as if the transaction's BEGIN had not arrived yet. The byte after that commit's LSN is no record's start (records
     * are 8-byte aligned): nothing at that LSN is sent again, and the first transaction to come is the open one.
     */
    Map<String, Object> startOffset(Map<String, ?> offset) {
        Map<String, Object> start = new HashMap<>(offset);
        start.put(SourceInfo.LSN_KEY, lastCommit + 1);
        start.put(PostgresOffsetContext.LAST_COMPLETELY_PROCESSED_LSN_KEY, lastCommit + 1);
        start.put(SourceInfo.MSG_TYPE_KEY, "COMMIT");
        start.remove(PostgresOffsetContext.LSN_EVENTS_PROCESSED_KEY);
        return start;
    }

    /**
     * Whether {@code record} must not reach Kafka while the transaction is read again: a change of it at or before the
     * last committed one (Kafka has it), or a heartbeat (committed, its offset would lose the place to drop from if the
     * task started again now). Until Debezium processes a commit after the start (the transaction's own), every
     * record's offset names the same last commit; the first record past the committed change ends the replay.
     */
    boolean alreadySent(SourceRecord record) {
        Map<String, ?> offset = record.sourceOffset();
        if (offset == null
                || !(offset.get(PostgresOffsetContext.LAST_COMMIT_LSN_KEY) instanceof Number recordLastCommit)
                || recordLastCommit.longValue() != lastCommit) {
            return false;
        }
        if (!STREAMED.contains(String.valueOf(offset.get(SourceInfo.MSG_TYPE_KEY)))) {
            return true;
        }
        if (!(offset.get(SourceInfo.TXID_KEY) instanceof Number recordTxId)
                || recordTxId.longValue() != txId
                || !(offset.get(SourceInfo.LSN_KEY) instanceof Number recordLsn)) {
            return false;
        }
        return recordLsn.longValue() < lsn || (recordLsn.longValue() == lsn && eventsAtLsn(offset) <= eventsAtLsn);
    }

    private static long eventsAtLsn(Map<String, ?> offset) {
        return offset.get(PostgresOffsetContext.LSN_EVENTS_PROCESSED_KEY) instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public String toString() {
        return "transaction " + txId + " up to its change " + eventsAtLsn + " at LSN " + lsn;
    }
}
