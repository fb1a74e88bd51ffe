package dev.storefront.e2e.support;

import dev.storefront.contract.run.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Command-line tools the checks need from the machine (Debian packages that .ci/run installs). */
public final class Tools {

    private Tools() {}

    /** The first of {@code candidates} whose {@code probe} arguments exit 0; otherwise fails naming what to install. */
    public static List<String> require(String debianPackages, List<List<String>> candidates, String... probe) {
        for (List<String> candidate : candidates) {
            List<String> command = new ArrayList<>(candidate);
            command.addAll(List.of(probe));
            if (Command.run(Path.of("."), Map.of(), Duration.ofMinutes(1), command)
                            .exitCode()
                    == 0) {
                return candidate;
            }
        }
        throw new AssertionError("None of " + candidates + " works on this machine: install the Debian packages "
                + debianPackages + " (apt-get install -y " + debianPackages + "; .ci/run does)");
    }
}
