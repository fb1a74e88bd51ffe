package dev.storefront.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.contract.cli.ToolFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.NotControllerException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class KafkaRetryTest {

    private final List<String> retries = new ArrayList<>();

    @Test
    void retriesWhatABrokerStillStartingAnswersUntilItSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        KafkaRetry retry = new KafkaRetry(Duration.ofSeconds(10), retries::add);

        String result = retry.run("create topics", () -> switch (calls.incrementAndGet()) {
            case 1 ->
                throw new ExecutionException(new InvalidReplicationFactorException("Unable to replicate the"
                        + " partition 1 time(s): The target replication factor of 1 cannot be reached because only 0"
                        + " broker(s) are registered."));
            case 2 -> throw new ExecutionException(new NotControllerException("no controller"));
            case 3 -> throw new ExecutionException(new UnknownTopicOrPartitionException("not in metadata yet"));
            default -> "created";
        });

        assertThat(result).isEqualTo("created");
        assertThat(retries).hasSize(3).first().asString().contains("only 0 broker(s) are registered");
    }

    @Test
    void aRealErrorFailsAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        KafkaRetry retry = new KafkaRetry(Duration.ofSeconds(10), retries::add);

        assertThatThrownBy(() -> retry.run("create topics", () -> {
                    calls.incrementAndGet();
                    throw new ExecutionException(new TopicAuthorizationException("denied"));
                }))
                .isInstanceOf(ToolFailure.class)
                .hasMessage("Cannot create topics: TopicAuthorizationException: denied");
        assertThat(calls).hasValue(1);
        assertThat(retries).isEmpty();
    }

    @Test
    void aBrokerThatNeverComesUpFailsAtTheDeadlineSayingWhatItWaitedFor() {
        KafkaRetry retry = new KafkaRetry(Duration.ofMillis(700), retries::add);

        assertThatThrownBy(() -> retry.run("create topics", () -> {
                    throw new ExecutionException(new NotControllerException("no controller"));
                }))
                .isInstanceOf(ToolFailure.class)
                .hasMessageStartingWith("Cannot create topics: Kafka was still not ready after 0 s and")
                .hasMessageContaining("last: NotControllerException: no controller");
        assertThat(retries).isNotEmpty();
    }
}
