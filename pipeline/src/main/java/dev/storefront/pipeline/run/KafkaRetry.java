package dev.storefront.pipeline.run;

import dev.storefront.contract.cli.ToolFailure;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Retries an admin call while the broker is still coming up: Kafka marks such errors {@link RetriableException}
 * (no controller yet, a leader moving, a timeout), and a KRaft broker that has not registered yet refuses topics with
 * "only 0 broker(s) are registered" ({@link InvalidReplicationFactorException}). Any other error fails at once.
 */
final class KafkaRetry {

    private static final Duration FIRST_DELAY = Duration.ofMillis(200);
    private static final Duration MAX_DELAY = Duration.ofSeconds(2);

    private final Duration timeout;
    private final Consumer<String> onRetry;

    KafkaRetry(Duration timeout, Consumer<String> onRetry) {
        this.timeout = timeout;
        this.onRetry = onRetry;
    }

    /** Runs {@code call} until it succeeds, fails for good, or {@code timeout} passes; {@code what} names it. */
    <T> T run(String what, Callable<T> call) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration delay = FIRST_DELAY;
        for (int attempt = 1; ; attempt++) {
            Throwable error;
            try {
                return call.call();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                error = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            }
            if (!transientError(error)) {
                throw new ToolFailure("Cannot " + what + ": " + describe(error), error);
            }
            if (System.nanoTime() + delay.toNanos() > deadline) {
                throw new ToolFailure(
                        "Cannot " + what + ": Kafka was still not ready after " + timeout.toSeconds() + " s and "
                                + attempt + " attempts (last: " + describe(error) + ")",
                        error);
            }
            onRetry.accept(describe(error));
            Thread.sleep(delay.toMillis());
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        }
    }

    static boolean transientError(Throwable error) {
        return error instanceof RetriableException
                || error instanceof InvalidReplicationFactorException
                || error instanceof TimeoutException;
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
