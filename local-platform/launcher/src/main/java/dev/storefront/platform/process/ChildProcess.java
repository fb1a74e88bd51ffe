package dev.storefront.platform.process;

import dev.storefront.contract.run.ClassDataArchive;
import dev.storefront.contract.run.Signals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A process the launcher started, with its output appended to its own log file.
 * Started in its own session (setsid) so that Ctrl-C in the launcher's terminal reaches only the launcher,
 * which then stops the components in dependency order (Connect before Kafka, see docs/architecture.md).
 */
public final class ChildProcess {

    private static final boolean HAS_SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"));

    private final String name;
    private final Path logFile;
    private final Process process;
    private final Optional<ClassDataArchive> classData;

    private ChildProcess(String name, Path logFile, Process process, Optional<ClassDataArchive> classData) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
        this.classData = classData;
    }

    public static ChildProcess start(
            String name, List<String> command, Map<String, String> environment, Path workingDir, Path logFile)
            throws IOException {
        return start(name, command, environment, workingDir, logFile, Optional.empty());
    }

    /** A JVM that maps (or, the first time, dumps) its class-data archive in {@code classDataDir}. */
    public static ChildProcess startJava(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workingDir,
            Path logFile,
            Path classDataDir)
            throws IOException {
        Map<String, String> jvmEnvironment = new HashMap<>(environment);
        // glibc gives each thread that mallocs its own arena, up to 8 per core, each holding freed memory for
        // itself: two arenas keep the JVMs' (and RocksDB's) native memory from spreading over sixteen.
        jvmEnvironment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        return start(
                name,
                command,
                jvmEnvironment,
                workingDir,
                logFile,
                ClassDataArchive.forCommand(classDataDir, name, command));
    }

    private static ChildProcess start(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workingDir,
            Path logFile,
            Optional<ClassDataArchive> classData)
            throws IOException {
        Files.createDirectories(logFile.getParent());
        List<String> full = new ArrayList<>();
        if (HAS_SETSID) {
            full.add("/usr/bin/setsid");
        }
        full.addAll(classData.map(archive -> archive.apply(command)).orElse(command));
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        return new ChildProcess(name, logFile, builder.start(), classData);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Waits for a one-shot process to finish; true if it did within the timeout. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (ended) {
            classData.ifPresent(archive -> archive.ended(exitCode()));
        }
        return ended;
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code grace}; false when it had to be killed. */
    public boolean stop(Duration grace) {
        boolean graceful = Signals.terminate(process.toHandle(), grace);
        classData.ifPresent(archive -> archive.ended(reapedExitCode()));
        return graceful;
    }

    /** The exit code once this Process has reaped the child (its handle may report the exit a moment sooner). */
    private OptionalInt reapedExitCode() {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exitCode();
    }
}
