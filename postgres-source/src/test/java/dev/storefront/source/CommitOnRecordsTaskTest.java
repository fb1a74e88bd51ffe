package dev.storefront.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.config.Configuration;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import io.debezium.connector.postgresql.PostgresOffsetContext;
import io.debezium.connector.postgresql.PostgresPartition;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class CommitOnRecordsTaskTest {

    /** Debezium's task as the worker sees it; whether Debezium was told of a commit is its own flag. */
    private static final class Task extends CommitOnRecordsTask {
        boolean debeziumToldOfACommit() {
            return shouldPerformCommit.getAndSet(false);
        }
    }

    private static SourceRecord record() {
        return new SourceRecord(
                Map.of("server", "storefront"), Map.of("lsn", 42L), "storefront.public.orders", null, 1);
    }

    @Test
    void aCommitAfterAnEmptyPollIsNotPassedOn() throws InterruptedException {
        Task task = new Task();

        task.commit();

        assertThat(task.debeziumToldOfACommit()).isFalse();
    }

    @Test
    void aCommitAfterCommittedRecordsIsPassedOnOnce() throws InterruptedException {
        Task task = new Task();

        task.commitRecord(record(), null);
        task.commitRecord(record(), null);
        task.commit();
        boolean first = task.debeziumToldOfACommit();
        task.performCommit(); // Debezium's next poll confirms
        task.commit();

        assertThat(first).isTrue();
        assertThat(task.debeziumToldOfACommit()).isFalse();
    }

    @Test
    void debeziumConfirmsTheLastCommittedRecordsOffsetWithoutReadingKafka() {
        PostgresPartition ours = new PostgresPartition("storefront", "storefront");
        PostgresPartition another = new PostgresPartition("elsewhere", "storefront");
        Map<String, Object> offset = Map.of("lsn", 4242L, "lsn_commit", 4200L, "txId", 7L, "ts_usec", 1L);
        SourceRecord committed =
                new SourceRecord(ours.getSourcePartition(), offset, "storefront.public.orders", null, 1);
        PostgresConnectorConfig config = new PostgresConnectorConfig(Configuration.from(Map.of(
                "topic.prefix", "storefront", "database.hostname", "localhost", "database.dbname", "storefront")));

        Map<PostgresPartition, PostgresOffsetContext> offsets = CommitOnRecordsTask.committedOffsets(
                        committed, () -> Set.of(ours, another), new PostgresOffsetContext.Loader(config))
                .getOffsets();

        Map<String, Object> confirmed = Map.copyOf(offsets.get(ours).getOffset());
        assertThat(confirmed)
                .containsEntry("lsn", 4242L)
                .containsEntry("lsn_commit", 4200L)
                .containsEntry("txId", 7L);
        assertThat(offsets).containsKey(another);
        assertThat(offsets.get(another)).isNull();
    }

    @Test
    void theConnectorRunsThisTask() {
        assertThat(new CommitOnRecordsPostgresConnector().taskClass()).isEqualTo(CommitOnRecordsTask.class);
    }
}
