package dev.storefront.source;

import io.debezium.config.Configuration;
import io.debezium.connector.SnapshotType;
import io.debezium.connector.postgresql.PostgresConnectorTask;
import io.debezium.connector.postgresql.PostgresOffsetContext;
import io.debezium.connector.postgresql.PostgresPartition;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import io.debezium.pipeline.spi.OffsetContext;
import io.debezium.pipeline.spi.Offsets;
import io.debezium.pipeline.spi.Partition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debezium's PostgreSQL task, told of a commit only when records were committed since the last one, and confirming
 * to the replication slot the position of the last committed record instead of reading it back from Kafka.
 *
 * <p>With exactly-once support and a transaction per poll, Connect calls the task's {@code commit()} after every poll,
 * also after one that returned nothing (KAFKA-14727: the commit hook stays periodic). Debezium answers each call at
 * its next poll by reading the connector's offsets back from Kafka (a read to the end of the offsets topic) and
 * confirming them to the replication slot: with a 10 ms poll, up to 100 reads a second on a platform where nothing
 * changes, and under load one read per transaction that holds up the task's next poll (tens of milliseconds each).
 * Only a committed record moves the offsets, so a commit without one has nothing new to confirm. And Connect hands the
 * task every record of a transaction once the transaction (records and offsets together) has committed: the last of
 * them carries the offset the read-back would find. Heartbeats are records: an idle source still confirms its position
 * to the slot at every heartbeat.
 *
 * <p>And a task that starts inside a transaction (its last committed record a change of one) reads the transaction
 * again from its start and drops what Kafka has ({@link OpenTransactionReplay}): Debezium's own resume inside a group
 * of changes sharing one LSN sent a change twice or skipped some.
 */
public class CommitOnRecordsTask extends PostgresConnectorTask {

    private static final Logger LOGGER = LoggerFactory.getLogger(CommitOnRecordsTask.class);

    /** Set by the worker's thread that commits transactions, taken by the thread that confirms to the slot. */
    private final AtomicReference<SourceRecord> lastCommitted = new AtomicReference<>();

    /**
     * The record whose position Debezium's commit is confirming, on the thread that runs it (the task's poll, or the
     * task's stop): Debezium asks {@link #getPreviousOffsets} for the offsets there, and at its start.
     */
    private final ThreadLocal<SourceRecord> confirming = new ThreadLocal<>();

    /** Debezium's task, its lag metric recorded without a thread hop per change ({@link InlineLagMeasurement}). */
    @Override
    public ChangeEventSourceCoordinator<PostgresPartition, PostgresOffsetContext> start(Configuration config) {
        ChangeEventSourceCoordinator<PostgresPartition, PostgresOffsetContext> coordinator = super.start(config);
        InlineLagMeasurement.install(coordinator);
        return coordinator;
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
        lastCommitted.set(record);
        super.commitRecord(record, metadata);
    }

    @Override
    public void commit() throws InterruptedException {
        if (lastCommitted.get() != null) {
            super.commit();
        }
    }

    @Override
    public void performCommit() {
        SourceRecord record = lastCommitted.getAndSet(null);
        if (record == null) {
            return;
        }
        confirming.set(record);
        try {
            super.performCommit();
        } finally {
            confirming.remove();
        }
    }

    /** After a start inside a transaction: drops its changes Kafka has (and heartbeats) while Debezium reads it again. */
    private volatile OpenTransactionReplay replay;

    @Override
    public List<SourceRecord> doPoll() throws InterruptedException {
        List<SourceRecord> records = super.doPoll();
        OpenTransactionReplay replaying = replay;
        if (replaying == null || records == null || records.isEmpty()) {
            return records;
        }
        int sent = 0;
        while (sent < records.size() && replaying.alreadySent(records.get(sent))) {
            sent++;
        }
        if (sent < records.size()) {
            LOGGER.info("Read {} again; its changes Kafka had were dropped", replaying);
            replay = null;
        }
        return records.subList(sent, records.size());
    }

    @Override
    protected Offsets<PostgresPartition, PostgresOffsetContext> getPreviousOffsets(
            Partition.Provider<PostgresPartition> partitions, OffsetContext.Loader<PostgresOffsetContext> loader) {
        SourceRecord record = confirming.get();
        if (record != null) {
            return committedOffsets(record, partitions, loader);
        }
        // The task (re)starts: from Kafka's offsets, inside an open transaction from its start.
        replay = null;
        return super.getPreviousOffsets(partitions, new OffsetContext.Loader<>() {
            @Override
            public PostgresOffsetContext load(Map<String, ?> offset) {
                Optional<OpenTransactionReplay> replaying = OpenTransactionReplay.after(offset);
                if (replaying.isEmpty()) {
                    return loader.load(offset);
                }
                replay = replaying.get();
                LOGGER.info(
                        "The last committed change is inside a transaction: reading {} again from its start", replay);
                return loader.load(replaying.get().startOffset(offset));
            }

            @Override
            public Optional<SnapshotType> loadSnapshot(Map<String, ?> offset) {
                return loader.loadSnapshot(offset);
            }

            @Override
            public boolean loadSnapshotCompleted(Map<String, ?> offset) {
                return loader.loadSnapshotCompleted(offset);
            }
        });
    }

    /** The offsets as Debezium would read them back: the committed record's for its partition, none for others. */
    static Offsets<PostgresPartition, PostgresOffsetContext> committedOffsets(
            SourceRecord committed,
            Partition.Provider<PostgresPartition> partitions,
            OffsetContext.Loader<PostgresOffsetContext> loader) {
        Map<PostgresPartition, PostgresOffsetContext> offsets = new HashMap<>();
        for (PostgresPartition partition : partitions.getPartitions()) {
            offsets.put(
                    partition,
                    partition.getSourcePartition().equals(committed.sourcePartition())
                            ? loader.load(committed.sourceOffset())
                            : null);
        }
        return Offsets.of(offsets);
    }
}
