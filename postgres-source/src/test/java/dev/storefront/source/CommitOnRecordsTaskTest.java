package dev.storefront.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
        task.commit();

        assertThat(first).isTrue();
        assertThat(task.debeziumToldOfACommit()).isFalse();
    }

    @Test
    void theConnectorRunsThisTask() {
        assertThat(new CommitOnRecordsPostgresConnector().taskClass()).isEqualTo(CommitOnRecordsTask.class);
    }
}
