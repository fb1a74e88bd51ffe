package dev.storefront.connectinit.connect;

import static dev.storefront.contract.connect.ConnectorStates.FAILED;
import static dev.storefront.contract.connect.ConnectorStates.RUNNING;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** GET /connectors/{name}/status: the connector's state and its tasks' states. */
public record ConnectorStatus(String name, String state, String workerId, String trace, List<TaskStatus> tasks) {

    public record TaskStatus(int id, String state, String workerId, String trace) {}

    static ConnectorStatus fromJson(JsonNode json) {
        JsonNode connector = json.path("connector");
        List<TaskStatus> tasks = new ArrayList<>();
        for (JsonNode task : json.path("tasks")) {
            tasks.add(new TaskStatus(
                    task.path("id").asInt(),
                    task.path("state").asText(),
                    task.path("worker_id").asText(),
                    textOrNull(task.get("trace"))));
        }
        return new ConnectorStatus(
                json.path("name").asText(),
                connector.path("state").asText(),
                connector.path("worker_id").asText(),
                textOrNull(connector.get("trace")),
                tasks);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Connector and every task RUNNING, with at least one task (a connector without tasks captures nothing). */
    public boolean running() {
        return RUNNING.equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(t -> RUNNING.equals(t.state()));
    }

    public boolean failed() {
        return FAILED.equals(state) || tasks.stream().anyMatch(t -> FAILED.equals(t.state()));
    }

    /** Paused or stopped by someone: Connect will not leave these states on its own. */
    public boolean halted() {
        return List.of("PAUSED", "STOPPED").contains(state);
    }

    /** "RUNNING" or e.g. "0:RUNNING 1:FAILED"; "none" while Connect has not started any task yet. */
    public String taskStates() {
        return tasks.isEmpty()
                ? "none"
                : tasks.stream().map(t -> t.id() + ":" + t.state()).collect(Collectors.joining(" "));
    }

    public String summary() {
        return "connector " + state + ", tasks " + taskStates();
    }

    /** The worker and stack trace of the connector and of every failed task. */
    public String failureReport() {
        StringBuilder report = new StringBuilder();
        if (FAILED.equals(state)) {
            report.append("connector FAILED on worker ")
                    .append(workerId)
                    .append(":\n")
                    .append(indent(trace));
        }
        for (TaskStatus task : tasks) {
            if (FAILED.equals(task.state())) {
                report.append("task ")
                        .append(task.id())
                        .append(" FAILED on worker ")
                        .append(task.workerId())
                        .append(":\n")
                        .append(indent(task.trace()));
            }
        }
        return report.toString();
    }

    private static String indent(String trace) {
        String text = trace == null ? "(Connect gave no trace)" : trace.strip();
        return "    " + text.replace("\n", "\n    ") + "\n";
    }
}
