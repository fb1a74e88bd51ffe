package dev.storefront.contract.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion and keeps what it printed: the launcher's commands, the tools the checks need. */
public final class Command {

    /** How long a timed-out command may take to clean up: a launcher gives its tool 2 minutes, then kills it. */
    private static final Duration CLEAN_UP = Duration.ofMinutes(3);
    /** How much of a timed-out command's output its failure shows: enough to see where it was. */
    private static final int TAIL_LINES = 60;

    private Command() {}

    /** A command's exit code and everything it printed (stdout and stderr together). */
    public record Result(int exitCode, String output) {}

    /**
     * Runs {@code command} in {@code dir} with {@code environment} over this process's; a command that cannot be
     * started gives exit 127 with the reason, one that outlives {@code timeout} is ended with every process it started
     * and fails with the last lines it printed.
     */
    public static Result run(Path dir, Map<String, String> environment, Duration timeout, List<String> command) {
        return run(dir, environment, timeout, command, "");
    }

    /** The same with {@code input} as its standard input (what a user would type; it ends there). */
    public static Result run(
            Path dir, Map<String, String> environment, Duration timeout, List<String> command, String input) {
        try {
            Path output = Files.createTempFile("command", ".log");
            Path typed = Files.writeString(Files.createTempFile("command", ".in"), input, StandardCharsets.UTF_8);
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectInput(typed.toFile())
                        .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process;
                try {
                    process = builder.start();
                } catch (IOException e) {
                    return new Result(127, e.getMessage());
                }
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    endTree(process);
                    throw new IllegalStateException("Timed out after " + timeout + ": " + String.join(" ", command)
                            + "\nThe last it printed:\n" + tail(Files.readString(output, StandardCharsets.UTF_8)));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(typed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Ends a command that outlived its time and everything it started: SIGTERM first, so that a launcher's tool runs
     * its clean-up (a drill or a bench stops its scratch platform) instead of running on beside the next test; then
     * SIGKILL for any of its processes still alive.
     */
    private static void endTree(Process process) {
        List<ProcessHandle> started = process.descendants().toList();
        Signals.terminate(process.toHandle(), CLEAN_UP);
        started.forEach(ProcessHandle::destroyForcibly);
    }

    /** The last {@link #TAIL_LINES} lines of {@code output}. */
    static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
