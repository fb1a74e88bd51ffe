package dev.storefront.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Command-line tools the checks need from the machine (Debian packages that .ci/run installs). */
public final class Tools {

    private Tools() {}

    public record Result(int exitCode, String output) {}

    /** Runs {@code command} in {@code dir} with extra environment; a tool that cannot be started gives exit 127. */
    public static Result run(Path dir, Map<String, String> environment, Duration timeout, List<String> command) {
        try {
            Path output = Files.createTempFile("tool", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process;
                try {
                    process = builder.start();
                } catch (IOException e) {
                    return new Result(127, e.getMessage());
                }
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Timed out after " + timeout + ": " + String.join(" ", command));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
