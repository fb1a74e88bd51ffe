package dev.storefront.platform.process;

import dev.storefront.contract.run.Signals;
import dev.storefront.platform.Layout;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a platform tool's JVM (verify, bench) attached to this terminal, with the platform's configuration. */
public final class ForegroundJava {

    /** How long an ended tool may take to clean up (the bench: stopping a whole platform) before it is killed. */
    private static final Duration TOOL_CLEAN_UP = Duration.ofMinutes(2);

    private ForegroundJava() {}

    /** Runs {@code command} plus the user's extra {@code options} from the repository root; returns its exit code. */
    public static int run(Layout layout, JavaCommand command, List<String> options)
            throws IOException, InterruptedException {
        return run(layout, command, options, Map.of());
    }

    /** The same with {@code environment} on top of the platform's configuration. */
    public static int run(Layout layout, JavaCommand command, List<String> options, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command.toList());
        full.addAll(options);
        ProcessBuilder builder =
                new ProcessBuilder(full).directory(layout.home().toFile()).inheritIO();
        builder.environment().putAll(layout.env().asMap());
        builder.environment().putAll(environment);
        Process tool = builder.start();
        try (Registration ending = endWithThisJvm(tool)) {
            return tool.waitFor();
        }
    }

    /**
     * Until closed, if this JVM is told to end ({@code kill <pid>}: SIGTERM to the launcher alone), {@code tool} is
     * ended first and its own clean-up runs (the bench stops its scratch platform) instead of it running on,
     * reparented. Ctrl-C in a terminal signals both anyway.
     */
    static Registration endWithThisJvm(Process tool) {
        Thread endTool = new Thread(() -> Signals.terminate(tool.toHandle(), TOOL_CLEAN_UP), "end-" + tool.pid());
        Runtime.getRuntime().addShutdownHook(endTool);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(endTool);
            } catch (IllegalStateException e) {
                // This JVM is ending: the hook runs.
            }
        };
    }

    /** A shutdown hook's registration, removed on close. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
