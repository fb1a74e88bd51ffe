package dev.storefront.platform.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The state of every connector on the worker, as "RUNNING" or e.g. "FAILED (task 0 FAILED)". */
public final class ConnectorStates {

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
        HttpRequest request = HttpRequest.newBuilder(URI.create(connectUrl + "/connectors?expand=status"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        long deadline = System.nanoTime() + BUSY_RETRY.toNanos();
        Map<String, String> states = new LinkedHashMap<>();
        try {
            while (true) {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JSON.readTree(response.body())
                            .fields()
                            .forEachRemaining(entry -> states.put(entry.getKey(), describe(entry.getValue())));
                    return states;
                }
                if (!busy(response.statusCode()) || System.nanoTime() > deadline) {
                    return states;
                }
                Thread.sleep(250);
            }
        } catch (IOException e) {
            return states;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return states;
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
            if (!"RUNNING".equals(taskState)) {
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
        return !states.isEmpty() && states.values().stream().allMatch("RUNNING"::equals);
    }
}
