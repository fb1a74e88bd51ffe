package dev.storefront.contract.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL layer's jobs as its Flink mini-cluster's REST API lists them ({@code GET /jobs/overview}), and cancelling one:
 * for the submitter (one running job per file), {@code status} and the tests.
 */
public final class FlinkJobs {

    /** A job: Flink's id, its name ({@code pipeline.name}: the submitted file's) and state (RUNNING, FAILED, ...). */
    public record Job(String id, String name, String state) {

        public boolean running() {
            return !List.of("FINISHED", "FAILED", "CANCELED").contains(state);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String url;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** The name of the job a .sql file runs as: one running job per file name. */
    public static String jobName(Path file) {
        return "sql: " + file.getFileName();
    }

    /** {@code url}: the cluster's REST API, e.g. http://localhost:8081. */
    public FlinkJobs(String url) {
        this.url = url;
    }

    /** Every job the cluster knows, running or ended. */
    public List<Job> list() throws IOException, InterruptedException {
        List<Job> jobs = new ArrayList<>();
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            jobs.add(new Job(
                    job.path("jid").asText(),
                    job.path("name").asText(),
                    job.path("state").asText()));
        }
        return jobs;
    }

    /** How many task managers have registered (a mini-cluster has its own; a standalone job manager none at first). */
    public int taskManagers() throws IOException, InterruptedException {
        return get("/overview").path("taskmanagers").asInt();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** The running job named {@code name}, if there is one. */
    public Optional<Job> running(String name) throws IOException, InterruptedException {
        return list().stream()
                .filter(job -> job.running() && job.name().equals(name))
                .findFirst();
    }

    /** Which of {@code files} run as a job now ({@link #jobName}); none when the cluster does not answer. */
    public Set<String> runningFiles(Collection<String> files) {
        try {
            Set<String> running =
                    list().stream().filter(Job::running).map(Job::name).collect(Collectors.toSet());
            return files.stream()
                    .filter(file -> running.contains(jobName(Path.of(file))))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    /** Asks the cluster to cancel the job (it ends in state CANCELED shortly after). */
    public void cancel(String jobId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/jobs/" + jobId + "?mode=cancel"))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .timeout(TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IOException("Cancelling job " + jobId + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** True once the cluster answers. */
    public boolean reachable() {
        try {
            list();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
