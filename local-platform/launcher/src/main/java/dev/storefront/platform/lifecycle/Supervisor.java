package dev.storefront.platform.lifecycle;

import dev.storefront.platform.process.LogTail;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Watches the started platform: a component process that dies is reported with the end of its log and started
 * again, a few times at most (like compose's `restart: on-failure`), so a crashed pipeline resumes from its state.
 */
public final class Supervisor {

    static final int MAX_RESTARTS = 3;
    private static final long POLL_MILLIS = 1000;

    private final List<Component> components;
    private final Consumer<String> out;
    private final Runnable onRestart;
    private final Map<String, Integer> restarts = new HashMap<>();

    public Supervisor(List<Component> components, Consumer<String> out, Runnable onRestart) {
        this.components = components;
        this.out = out;
        this.onRestart = onRestart;
    }

    /** Runs until {@code stopping} is set (by the shutdown hook). */
    public void watch(AtomicBoolean stopping) throws InterruptedException {
        while (!stopping.get()) {
            Thread.sleep(POLL_MILLIS);
            for (Component component : components) {
                if (stopping.get()) {
                    return;
                }
                if (component instanceof ProcessComponent
                        && !component.isOneShot()
                        && component.pid().isEmpty()) {
                    recover(component);
                }
            }
        }
    }

    private void recover(Component component) throws InterruptedException {
        int attempt = restarts.merge(component.name(), 1, Integer::sum);
        if (attempt > MAX_RESTARTS) {
            return;
        }
        out.accept("WARNING: " + component.name() + " has stopped; last lines of its log:");
        LogTail.lastLines(component.logFile(), 15).forEach(line -> out.accept("  " + line));
        if (attempt == MAX_RESTARTS) {
            out.accept(component.name() + " stopped " + MAX_RESTARTS + " times: leaving it stopped.");
            return;
        }
        out.accept("Restarting " + component.name() + " (" + attempt + "/" + (MAX_RESTARTS - 1) + ") ...");
        try {
            component.start();
            out.accept(component.name() + " is healthy again (pid "
                    + component.pid().orElse(-1) + ").");
            onRestart.run();
        } catch (ComponentFailure failure) {
            out.accept("Restarting " + component.name() + " failed: " + failure.getMessage());
        }
    }
}
