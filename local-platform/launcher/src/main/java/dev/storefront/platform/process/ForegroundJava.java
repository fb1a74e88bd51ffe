package dev.storefront.platform.process;

import dev.storefront.platform.Layout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a platform tool's JVM (verify, bench) attached to this terminal, with the platform's configuration. */
public final class ForegroundJava {

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
        return builder.start().waitFor();
    }
}
