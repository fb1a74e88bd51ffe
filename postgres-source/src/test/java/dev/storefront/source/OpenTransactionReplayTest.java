package dev.storefront.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class OpenTransactionReplayTest {

    /** The fault drill's: 14 of a COPY's products committed, all at the LSN that follows the previous commit. */
    private static final Map<String, Object> INSIDE_A_COPY = Map.of(
            "lsn_proc", 35687504L,
            "lsn_events_processed", 14L,
            "messageType", "INSERT",
            "lsn_commit", 35687504L,
            "lsn", 35687504L,
            "txId", 759L,
            "ts_usec", 1796288629051077L);

    @Test
    void aRestartInsideATransactionReadsItFromJustPastThePreviousCommit() {
        OpenTransactionReplay replay =
                OpenTransactionReplay.after(INSIDE_A_COPY).orElseThrow();

        Map<String, Object> start = replay.startOffset(INSIDE_A_COPY);

        Map<String, Object> expected = new HashMap<>(INSIDE_A_COPY);
        expected.putAll(Map.of("lsn", 35687505L, "lsn_proc", 35687505L, "messageType", "COMMIT"));
        expected.remove("lsn_events_processed");
        assertThat(start).isEqualTo(expected);
    }

    @Test
    void otherRestartsAreDebeziumsOwn() {
        Map<String, Object> message = new HashMap<>(INSIDE_A_COPY);
        message.put("messageType", "MESSAGE");
        Map<String, Object> snapshot = new HashMap<>(INSIDE_A_COPY);
        snapshot.put("snapshot", "INITIAL");
        Map<String, Object> noCommitYet = new HashMap<>(INSIDE_A_COPY);
        noCommitYet.remove("lsn_commit");

        assertThat(OpenTransactionReplay.after(message)).isEmpty();
        assertThat(OpenTransactionReplay.after(snapshot)).isEmpty();
        assertThat(OpenTransactionReplay.after(noCommitYet)).isEmpty();
        assertThat(OpenTransactionReplay.after(null)).isEmpty();
    }

    @Test
    void theChangesReadAgainUpToTheLastCommittedOneAreDropped() {
        OpenTransactionReplay replay =
                OpenTransactionReplay.after(INSIDE_A_COPY).orElseThrow();

        assertThat(replay.alreadySent(change(759, 35687504L, 1))).isTrue();
        assertThat(replay.alreadySent(change(759, 35687504L, 14))).isTrue();
        assertThat(replay.alreadySent(change(759, 35680000L, 3))).isTrue();
        assertThat(replay.alreadySent(change(759, 35687504L, 15))).isFalse();
        assertThat(replay.alreadySent(change(759, 35690000L, 1))).isFalse();
        assertThat(replay.alreadySent(new SourceRecord(Map.of(), null, "other", null, 1)))
                .isFalse();
    }

    @Test
    void heartbeatsWaitUntilThePlaceToDropFromIsPassed() {
        // A transaction that began before the last one processed committed: that commit lies past its changes.
        Map<String, Object> insideAnEarlierCopy = Map.of(
                "lsn_proc", 35689744L,
                "lsn_events_processed", 51L,
                "messageType", "INSERT",
                "lsn_commit", 36098536L,
                "lsn", 35689744L,
                "txId", 758L);
        OpenTransactionReplay replay =
                OpenTransactionReplay.after(insideAnEarlierCopy).orElseThrow();
        Map<String, Object> started = replay.startOffset(insideAnEarlierCopy);

        assertThat(replay.alreadySent(heartbeat(started))).isTrue();
        assertThat(replay.alreadySent(record(Map.of(
                        "txId",
                        758L,
                        "lsn",
                        35689744L,
                        "lsn_events_processed",
                        52L,
                        "lsn_commit",
                        36098536L,
                        "messageType",
                        "INSERT"))))
                .isFalse();
        Map<String, Object> afterItsCommit = new HashMap<>(started);
        afterItsCommit.put("lsn_commit", 36200000L);
        assertThat(replay.alreadySent(heartbeat(afterItsCommit))).isFalse();
        assertThat(replay.alreadySent(record(
                        Map.of("txId", 758L, "lsn", 35600000L, "lsn_commit", 36200000L, "messageType", "INSERT"))))
                .as("a change of a later transaction")
                .isFalse();
    }

    private static SourceRecord change(long txId, long lsn, long eventsAtLsn) {
        return record(Map.of(
                "txId", txId,
                "lsn", lsn,
                "lsn_events_processed", eventsAtLsn,
                "lsn_commit", 35687504L,
                "messageType", "INSERT"));
    }

    private static SourceRecord heartbeat(Map<String, Object> offset) {
        return new SourceRecord(Map.of("server", "storefront"), offset, "__debezium-heartbeat.storefront", null, 1);
    }

    private static SourceRecord record(Map<String, Object> offset) {
        return new SourceRecord(Map.of("server", "storefront"), offset, "storefront.public.products", null, 1);
    }
}
