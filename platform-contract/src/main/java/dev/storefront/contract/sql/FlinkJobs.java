package dev.storefront.contract.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    public static String jobName(java.nio.file.Path file) {
        return "sql: " + file.getFileName();
    }

    /** {@code url}: the cluster's REST API, e.g. http://localhost:8081. */
    public FlinkJobs(String url) {
        this.url = url;
    }

    /** Every job the cluster knows, running or ended. */
    public List<Job> list() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/jobs/overview"))
                        .timeout(TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + "/jobs/overview answered " + response.statusCode());
        }
        List<Job> jobs = new ArrayList<>();
        for (JsonNode job : JSON.readTree(response.body()).path("jobs")) {
            jobs.add(new Job(
                    job.path("jid").asText(),
                    job.path("name").asText(),
                    job.path("state").asText()));
        }
        return jobs;
    }

    /** The running job named {@code name}, if there is one. */
    public Optional<Job> running(String name) throws IOException, InterruptedException {
        return list().stream()
                .filter(job -> job.running() && job.name().equals(name))
                .findFirst();
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
