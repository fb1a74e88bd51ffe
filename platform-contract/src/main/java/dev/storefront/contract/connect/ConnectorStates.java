package dev.storefront.contract.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state of every connector on the worker, as "RUNNING" or e.g. "FAILED (task 0 FAILED)". */
public final class ConnectorStates {

    /** Connect's words for a connector or task that works, and for one that stopped on an error. */
    public static final String RUNNING = "RUNNING";

    public static final String FAILED = "FAILED";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration BUSY_RETRY = Duration.ofSeconds(5);

    private ConnectorStates() {}

    /**
     * Connector name to state; empty if the worker is unreachable or has no connectors. A worker whose group is
     * rebalancing (409, or 500 "a rebalance is expected") or that is starting (503) is asked again for a few seconds:
     * that is a moment, not an answer.
     */
    public static Map<String, String> fetch(String connectUrl) {
        Map<String, String> states = new LinkedHashMap<>();
        statuses(connectUrl)
                .ifPresent(all ->
                        all.fields().forEachRemaining(entry -> states.put(entry.getKey(), describe(entry.getValue()))));
        return states;
    }

    /** The connectors whose connector or any task is FAILED; empty if the worker is unreachable. */
    public static List<String> failed(String connectUrl) {
        List<String> failed = new ArrayList<>();
        statuses(connectUrl)
                .ifPresent(all -> all.fields().forEachRemaining(entry -> {
                    JsonNode status = entry.getValue().path("status");
                    boolean connectorFailed =
                            FAILED.equals(status.path("connector").path("state").asText());
                    boolean taskFailed = false;
                    for (JsonNode task : status.path("tasks")) {
                        taskFailed |= FAILED.equals(task.path("state").asText());
                    }
                    if (connectorFailed || taskFailed) {
                        failed.add(entry.getKey());
                    }
                }));
        return failed;
    }

    /**
     * Asks Connect to restart the FAILED connector and tasks of {@code name} (Connect never restarts a FAILED task by
     * itself); true when it accepted.
     */
    public static boolean restartFailed(String connectUrl, String name) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(connectUrl + "/connectors/"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                        + "/restart?includeTasks=true&onlyFailed=true"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            int status =
                    HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 || status == 202 || status == 204;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** GET /connectors?expand=status, asked again for a few seconds while the worker is busy. */
    private static Optional<JsonNode> statuses(String connectUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(connectUrl + "/connectors?expand=status"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        long deadline = System.nanoTime() + BUSY_RETRY.toNanos();
        try {
            while (true) {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Optional.of(JSON.readTree(response.body()));
                }
                if (!busy(response.statusCode()) || System.nanoTime() > deadline) {
                    return Optional.empty();
                }
                Thread.sleep(250);
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Connect's "not now" answers; connect-init's TransientAnswer tells them apart in detail. */
    private static boolean busy(int status) {
        return status == 409 || status == 500 || status == 503;
    }

    private static String describe(JsonNode connector) {
        JsonNode status = connector.path("status");
        String state = status.path("connector").path("state").asText("UNKNOWN");
        StringBuilder notRunning = new StringBuilder();
        JsonNode tasks = status.path("tasks");
        for (JsonNode task : tasks) {
            String taskState = task.path("state").asText("UNKNOWN");
            if (!RUNNING.equals(taskState)) {
                notRunning
                        .append(notRunning.isEmpty() ? "" : ", ")
                        .append("task ")
                        .append(task.path("id").asText())
                        .append(' ')
                        .append(taskState);
            }
        }
        if (tasks.isEmpty()) {
            notRunning.append("no tasks");
        }
        return notRunning.isEmpty() ? state : state + " (" + notRunning + ")";
    }

    public static boolean allRunning(Map<String, String> states) {
        return !states.isEmpty() && notRunning(states).isEmpty();
    }

    /** Each connector of {@code states} that is not running (itself or a task), as "name state". */
    public static List<String> notRunning(Map<String, String> states) {
        return states.entrySet().stream()
                .filter(state -> !RUNNING.equals(state.getValue()))
                .map(state -> state.getKey() + " " + state.getValue())
                .toList();
    }
}
