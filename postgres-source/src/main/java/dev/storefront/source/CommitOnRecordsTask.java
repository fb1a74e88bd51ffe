package dev.storefront.source;

import io.debezium.connector.postgresql.PostgresConnectorTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium's PostgreSQL task, told of a commit only when records were committed since the last one.
 *
 * <p>With exactly-once support and a transaction per poll, Connect calls the task's {@code commit()} after every poll,
 * also after one that returned nothing (KAFKA-14727: the commit hook stays periodic). Debezium answers each call at
 * its next poll by reading the connector's offsets back from Kafka (a read to the end of the offsets topic) and
 * confirming them to the replication slot: with a 10 ms poll, up to 100 reads a second on a platform where nothing
 * changes. Only a committed record moves the offsets, so a commit without one has nothing new to confirm. Heartbeats
 * are records: an idle source still confirms its position to the slot at every heartbeat.
 */
public class CommitOnRecordsTask extends PostgresConnectorTask {

    /** Set by the worker's sending or committing thread, read by the one that calls {@link #commit()}. */
    private final AtomicBoolean recordsCommitted = new AtomicBoolean();

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
        recordsCommitted.set(true);
        super.commitRecord(record, metadata);
    }

    @Override
    public void commit() throws InterruptedException {
        if (recordsCommitted.getAndSet(false)) {
            super.commit();
        }
    }
}
