package dev.storefront.contract.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a running launcher publishes in PLATFORM_DIR/run/state.json, so that `status`, `down` and a detached
 * `up` (other processes) know its PID, its phase and its components.
 */
public record RunState(long launcherPid, Phase phase, String startedAt, String message, List<Entry> components) {

    public enum Phase {
        STARTING,
        UP,
        FAILED,
        STOPPING,
        STOPPED
    }

    public record Entry(String name, Long pid, String endpoint, String log) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static RunState now(Phase phase, String message, List<Entry> components) {
        return new RunState(ProcessHandle.current().pid(), phase, Instant.now().toString(), message, components);
    }

    public static Path file(Path runDir) {
        return runDir.resolve("state.json");
    }

    public void write(Path runDir) {
        try {
            Files.createDirectories(runDir);
            Path tmp = runDir.resolve("state.json.tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file(runDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<RunState> read(Path runDir) {
        Path file = file(runDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunState.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True while the launcher that wrote this state is still alive. */
    public boolean launcherAlive() {
        return ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false);
    }
}
