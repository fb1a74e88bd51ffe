package dev.storefront.platform.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * `./platform restart NAME` asks the running launcher, which owns the component's process, to restart it: a request
 * file in the run folder that the {@link Supervisor} picks up, and a result file it writes when done.
 */
public final class RestartRequests {

    private static final String REQUEST = ".request";
    private static final String DONE = ".done";

    private final Path dir;

    public RestartRequests(Path runDir) {
        this.dir = runDir.resolve("restart");
    }

    /** Forgets the requests and results of an earlier run (a launcher that was killed may leave some). */
    public void clear() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the restart requests in " + dir, e);
        }
    }

    public void request(String component) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(component + DONE));
            Files.writeString(dir.resolve(component + REQUEST), component);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the restart request in " + dir, e);
        }
    }

    /** The components whose restart was asked for and not yet done. */
    public List<String> pending() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(REQUEST))
                    .map(name -> name.substring(0, name.length() - REQUEST.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public void done(String component, String result) {
        try {
            Files.writeString(dir.resolve(component + DONE), result);
            Files.deleteIfExists(dir.resolve(component + REQUEST));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the restart result in " + dir, e);
        }
    }

    /** What the launcher wrote when it finished the restart, once it has. */
    public Optional<String> result(String component) {
        Path done = dir.resolve(component + DONE);
        try {
            return Files.isRegularFile(done)
                    ? Optional.of(Files.readString(done, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
