package dev.storefront.flinksql.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmittedJobsTest {

    @Test
    void aKeptJobResumesFromTheNewestCompletedCheckpointOfItsLatestRunThatHasOne(@TempDir Path dir) throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        SubmittedJobs jobs = new SubmittedJobs(dir.resolve("jobs"), checkpoints);
        Path file = Files.writeString(dir.resolve("facts.sql"), "INSERT INTO x SELECT 1;");
        Path kept = dir.resolve("jobs").resolve("facts.sql");

        assertThat(jobs.lastCheckpoint(kept)).isEmpty();

        jobs.keep(file, "first");
        Files.createDirectories(checkpoints.resolve("first/chk-2"));
        Files.writeString(checkpoints.resolve("first/chk-2/_metadata"), "m");
        Files.createDirectories(checkpoints.resolve("first/chk-10"));
        Files.writeString(checkpoints.resolve("first/chk-10/_metadata"), "m");
        Files.createDirectories(checkpoints.resolve("first/chk-11")); // in progress: no _metadata yet
        assertThat(Files.readString(kept)).isEqualTo("INSERT INTO x SELECT 1;");
        assertThat(jobs.lastCheckpoint(kept)).contains(checkpoints.resolve("first/chk-10"));

        jobs.keep(kept, "second"); // resubmitted: its run has no checkpoint yet
        Files.createDirectories(checkpoints.resolve("second"));
        assertThat(jobs.lastCheckpoint(kept)).contains(checkpoints.resolve("first/chk-10"));

        Files.createDirectories(checkpoints.resolve("second/chk-1"));
        Files.writeString(checkpoints.resolve("second/chk-1/_metadata"), "m");
        assertThat(jobs.lastCheckpoint(kept)).contains(checkpoints.resolve("second/chk-1"));
    }
}
