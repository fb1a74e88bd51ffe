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
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ConnectorStates() {
    }

    /** Connector name to state; empty if the worker is unreachable or has no connectors. */
    public static Map<String, String> fetch(String connectUrl) {
        Map<String, String> states = new LinkedHashMap<>();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(connectUrl + "/connectors?expand=status"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return states;
            }
            JsonNode connectors = JSON.readTree(response.body());
            connectors.fields().forEachRemaining(entry -> states.put(entry.getKey(), describe(entry.getValue())));
        } catch (IOException e) {
            return states;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return states;
    }

    private static String describe(JsonNode connector) {
        JsonNode status = connector.path("status");
        String state = status.path("connector").path("state").asText("UNKNOWN");
        StringBuilder notRunning = new StringBuilder();
        JsonNode tasks = status.path("tasks");
        for (JsonNode task : tasks) {
            String taskState = task.path("state").asText("UNKNOWN");
            if (!"RUNNING".equals(taskState)) {
                notRunning.append(notRunning.isEmpty() ? "" : ", ")
                        .append("task ").append(task.path("id").asText()).append(' ').append(taskState);
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
