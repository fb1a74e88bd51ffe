package dev.storefront.platform.lifecycle;

import dev.storefront.platform.process.ChildProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls a health probe until it passes, failing fast when the process exits or the time runs out. */
public final class HealthWait {

    private static final Duration POLL = Duration.ofMillis(200);

    private HealthWait() {}

    public static void await(ChildProcess process, Duration timeout, BooleanSupplier healthy)
            throws ComponentFailure, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (healthy.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new ComponentFailure(
                        process.name(),
                        "exited with code " + process.exitCode().orElse(-1) + " before becoming healthy",
                        process.logFile());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ComponentFailure(
                        process.name(), "not healthy after " + timeout.toSeconds() + " s", process.logFile());
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
