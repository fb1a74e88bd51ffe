package dev.storefront.platform.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * How often the launcher restarts one thing by itself: at most {@code max} times within a sliding {@code window}
 * (like a process supervisor's start limit), so a fault drill's crash every few minutes heals each time while a
 * component that dies at every start is left stopped.
 */
public final class RestartBudget {

    public static final int MAX = 3;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    public static final int CONNECTOR_MAX = 10;

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> restarts = new HashMap<>();

    public RestartBudget(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    public static RestartBudget standard() {
        return new RestartBudget(MAX, WINDOW, Clock.systemUTC());
    }

    /**
     * For connectors: every outage of PostgreSQL fails both JDBC sinks, and a sink restarted while what it writes to is
     * still recovering fails again, so a drill's few faults use up more than a component's budget.
     */
    public static RestartBudget forConnectors() {
        return new RestartBudget(CONNECTOR_MAX, WINDOW, Clock.systemUTC());
    }

    /** Takes one restart of {@code name} from the budget; false when it is spent for now. */
    public boolean take(String name) {
        Instant now = clock.instant();
        Deque<Instant> recent = restarts.computeIfAbsent(name, n -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= max) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    /** The restarts of {@code name} within the window, the one just taken included. */
    public int used(String name) {
        return restarts.getOrDefault(name, new ArrayDeque<>()).size();
    }

    /** "3 in 10 minutes". */
    public String describe() {
        return max + " in " + window.toMinutes() + " minutes";
    }
}
