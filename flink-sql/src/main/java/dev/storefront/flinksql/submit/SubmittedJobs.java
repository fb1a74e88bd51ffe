package dev.storefront.flinksql.submit;

import dev.storefront.contract.PlatformEnv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files whose jobs run on the cluster, kept in its data folder with the ids their jobs ran as: a mini-cluster
 * forgets its jobs when it stops (a crash, a restart, `down`), so at its next start it submits each again from the
 * last checkpoint its jobs completed (their state and source offsets: the job goes on where it was, and the outputs it
 * wrote after that checkpoint are written again, the same upserts). Starting over from the topics' beginning instead
 * would leave behind keys only the lost run wrote (a join's intermediate groups it would have retracted).
 * {@code --cancel} forgets a file.
 */
public final class SubmittedJobs {

    /** Beside each kept file: the ids of the jobs it ran as, the latest last. */
    private static final String JOB_IDS = ".jobs";

    private final Path dir;
    private final Path checkpoints;

    /** {@code checkpoints}: the cluster's checkpoint folder (one subfolder per job id). */
    public SubmittedJobs(Path dir, Path checkpoints) {
        this.dir = dir;
        this.checkpoints = checkpoints;
    }

    /** Keeps {@code file}'s text under its name (its job's name) and the id of the job it now runs as. */
    public void keep(Path file, String jobId) throws IOException {
        Files.createDirectories(dir);
        Path kept = dir.resolve(file.getFileName());
        if (!Files.isSameFile(file.toAbsolutePath().getParent(), dir.toAbsolutePath())) {
            Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(
                jobIds(kept),
                jobId + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Submits every kept file again from its last checkpoint; one that fails is reported and kept. */
    public void resubmit(PlatformEnv env, PrintStream out) throws InterruptedException {
        for (Path file : files()) {
            try {
                Optional<Path> checkpoint = lastCheckpoint(file);
                out.println("Resubmitting " + file.getFileName() + " (its job ended with the cluster's last run), "
                        + checkpoint.map(c -> "from " + c).orElse("from the beginning: no checkpoint completed"));
                String jobId = new SqlSubmission(env, out).submit(file, checkpoint);
                keep(file, jobId);
            } catch (SqlFileException | IOException | RuntimeException e) {
                out.println("Could not resubmit " + file + ": " + env.mask(String.valueOf(e.getMessage())));
            }
        }
    }

    /** The newest completed checkpoint of the jobs {@code file} ran as, newest job first. */
    Optional<Path> lastCheckpoint(Path file) throws IOException {
        Path ids = jobIds(file);
        if (!Files.isRegularFile(ids)) {
            return Optional.empty();
        }
        List<String> jobs = new ArrayList<>(Files.readAllLines(ids));
        Collections.reverse(jobs);
        for (String job : jobs) {
            Path jobDir = checkpoints.resolve(job.strip());
            if (!Files.isDirectory(jobDir)) {
                continue;
            }
            try (Stream<Path> listed = Files.list(jobDir)) {
                Optional<Path> newest = listed.filter(
                                d -> d.getFileName().toString().startsWith("chk-"))
                        .filter(d -> Files.isRegularFile(d.resolve("_metadata")))
                        .max(Comparator.comparingLong(SubmittedJobs::checkpointNumber));
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        return Optional.empty();
    }

    private static long checkpointNumber(Path checkpoint) {
        return Long.parseLong(checkpoint.getFileName().toString().substring("chk-".length()));
    }

    private static Path jobIds(Path kept) {
        return kept.resolveSibling(kept.getFileName() + JOB_IDS);
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
