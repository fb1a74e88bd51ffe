package dev.storefront.platform.process;

import dev.storefront.platform.Layout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs a platform tool's JVM (verify, bench) attached to this terminal, with the platform's configuration. */
public final class ForegroundJava {

    private ForegroundJava() {}

    /** Runs {@code command} plus the user's extra {@code options} from the repository root; returns its exit code. */
    public static int run(Layout layout, JavaCommand command, List<String> options)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command.toList());
        full.addAll(options);
        ProcessBuilder builder =
                new ProcessBuilder(full).directory(layout.home().toFile()).inheritIO();
        builder.environment().putAll(layout.env().asMap());
        return builder.start().waitFor();
    }
}
