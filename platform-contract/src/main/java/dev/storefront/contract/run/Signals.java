package dev.storefront.contract.run;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Graceful-then-forced termination of a process by handle (works for processes another launcher started). */
public final class Signals {

    private Signals() {}

    /** Sends SIGTERM and waits up to {@code grace}; then SIGKILL. Returns true if it exited gracefully. */
    public static boolean terminate(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return true;
        }
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            handle.destroyForcibly();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }
}
