package dev.storefront.e2e.support;

import dev.storefront.contract.run.Command;
import dev.storefront.contract.run.Command.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Command-line tools the checks need from the machine (Debian packages that .ci/run installs). */
public final class Tools {

    private Tools() {}

    /** Runs {@code command} in {@code dir} with extra environment; a tool that cannot be started gives exit 127. */
    public static Result run(Path dir, Map<String, String> environment, Duration timeout, List<String> command) {
        return Command.run(dir, environment, timeout, command);
    }

    /** The first of {@code candidates} whose {@code probe} arguments exit 0; otherwise fails naming what to install. */
    public static List<String> require(String debianPackages, List<List<String>> candidates, String... probe) {
        for (List<String> candidate : candidates) {
            List<String> command = new ArrayList<>(candidate);
            command.addAll(List.of(probe));
            if (run(Path.of("."), Map.of(), Duration.ofMinutes(1), command).exitCode() == 0) {
                return candidate;
            }
        }
        throw new AssertionError("None of " + candidates + " works on this machine: install the Debian packages "
                + debianPackages + " (apt-get install -y " + debianPackages + "; .ci/run does)");
    }
}
