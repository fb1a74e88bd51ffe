package dev.storefront.connectinit.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.connectinit.CliFailure;
import dev.storefront.connectinit.ExitCode;
import dev.storefront.connectinit.Json;
import dev.storefront.connectinit.secret.JsonMasker;
import dev.storefront.connectinit.template.RenderedConnector;
import dev.storefront.contract.cli.DurationText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kafka Connect's REST API, as connect-init uses it. Transient answers (no answer, a rebalance in progress or
 * expected, a worker still starting: see {@link TransientAnswer}) are retried with backoff for {@code retryFor};
 * any other unexpected answer fails at once with Connect's own message, masked.
 */
public final class ConnectClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MIN_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Longer than Connect's own 90 s request timeout, so its error message reaches the user. */
    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(100);

    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final URI base;
    private final JsonMasker masker;
    private final Duration retryFor;
    private final PrintWriter notices;
    private final HttpClient http;

    /** {@code notices}: where a first transient answer to a request is reported while it is retried. */
    public ConnectClient(URI base, JsonMasker masker, Duration retryFor, PrintWriter notices) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.masker = masker;
        this.retryFor = retryFor;
        this.notices = notices;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public URI url() {
        return base;
    }

    /**
     * Polls with exponential backoff, printing every failed attempt, until the worker is ready: {@code GET /health}
     * answers 200 (Connect 3.9+ answers 503 until its herder has started and joined the group; an older worker
     * without it counts as ready once {@code GET /} answers).
     */
    public void awaitReachable(Duration timeout, PrintWriter out) {
        Deadline deadline = Deadline.in(timeout);
        Backoff backoff = new Backoff(FIRST_RETRY, MAX_RETRY);
        for (int attempt = 1; ; attempt++) {
            TransientAnswer problem;
            try {
                Response health = send("GET", "/health", null, deadline);
                boolean ready = health.status() == 200 || health.status() == 404 && health.connectError();
                Response root = ready ? send("GET", "/", null, deadline) : health;
                if (root.status() == 200) {
                    out.println("Kafka Connect " + root.json().path("version").asText("?") + " is up at " + base);
                    out.flush();
                    return;
                }
                problem = root.transientAnswer().orElse(new TransientAnswer(root.answer(), TransientAnswer.STARTING));
            } catch (IOException e) {
                problem = TransientAnswer.of(e);
            }
            if (deadline.passed()) {
                throw new CliFailure(
                        ExitCode.CONNECT_UNREACHABLE,
                        "Kafka Connect at " + base + " was not ready"
                                + " within " + DurationText.format(timeout) + " (" + attempt + " attempts waiting for "
                                + problem.waitingFor() + ", last: " + problem.answer() + "). Is it running? Check"
                                + " --connect-url or CONNECT_HOST/CONNECT_PORT, and the worker's log.");
            }
            out.println("waiting for Connect at " + base + " (attempt " + attempt + "): " + problem.answer());
            out.flush();
            deadline.sleep(backoff.next());
        }
    }

    /**
     * The fields Connect's validation rejects and the keys nothing defines ({@link UndefinedKeys}); empty when the
     * config is valid.
     */
    public List<ConfigError> validate(RenderedConnector connector) {
        String path = "/connector-plugins/" + segment(connector.connectorClass()) + "/config/validate";
        Response response = exchange("PUT", path, connector.configWithName());
        if (response.status() != 200) {
            throw new CliFailure(
                    ExitCode.VALIDATION,
                    "Connect could not validate " + connector.name() + " ("
                            + connector.connectorClass() + "): " + response.answer()
                            + ". Is the plugin installed on the worker (GET " + base + "/connector-plugins)?");
        }
        JsonNode result = masker.maskJson(response.json());
        List<ConfigError> errors = new ArrayList<>();
        Set<String> defined = new HashSet<>();
        Map<String, String> maskedConfig = Json.MAPPER.convertValue(
                masker.maskJson(Json.MAPPER.valueToTree(connector.configWithName())), Json.STRING_MAP);
        for (JsonNode config : result.path("configs")) {
            defined.add(config.path("definition").path("name").asText());
            JsonNode value = config.path("value");
            List<String> messages = new ArrayList<>();
            value.path("errors").forEach(message -> messages.add(message.asText()));
            if (!messages.isEmpty()) {
                String field = value.path("name").asText();
                JsonNode shown = value.get("value");
                // Debezium's validators answer without the value they rejected: show the template's.
                errors.add(new ConfigError(
                        field, shown == null || shown.isNull() ? maskedConfig.get(field) : shown.asText(), messages));
            }
        }
        errors.addAll(
                UndefinedKeys.find(connector.configWithName(), defined, connector.connectorClass(), maskedConfig));
        if (errors.isEmpty() && result.path("error_count").asInt() > 0) {
            errors.add(new ConfigError(
                    "(connector)", null, List.of(result.path("error_count").asInt() + " error(s) without a field")));
        }
        return errors;
    }

    /** The config Connect holds for the connector (with its "name"), or empty when it is not registered. */
    public Optional<Map<String, String>> config(String name) {
        Response response = exchange("GET", connectorPath(name) + "/config", null);
        if (response.status() == 404) {
            return Optional.empty();
        }
        expect(response, "GET", connectorPath(name) + "/config", 200);
        return Optional.of(Json.MAPPER.convertValue(response.json(), Json.STRING_MAP));
    }

    /** Idempotent create-or-update; true when the connector was created. */
    public boolean putConfig(String name, Map<String, String> config) {
        String path = connectorPath(name) + "/config";
        Response response = exchange("PUT", path, config);
        expect(response, "PUT", path, 200, 201);
        return response.status() == 201;
    }

    public Optional<ConnectorStatus> status(String name) {
        String path = connectorPath(name) + "/status";
        Response response = exchange("GET", path, null);
        if (response.status() == 404) {
            return Optional.empty();
        }
        expect(response, "GET", path, 200);
        return Optional.of(ConnectorStatus.fromJson(response.json()));
    }

    /** Restarts the connector and all its tasks; false when it is not registered. */
    public boolean restart(String name) {
        String path = connectorPath(name) + "/restart?includeTasks=true&onlyFailed=false";
        Response response = exchange("POST", path, null);
        if (response.status() == 404) {
            return false;
        }
        expect(response, "POST", path, 200, 202, 204);
        return true;
    }

    /** Deletes the connector; false when it was not registered. */
    public boolean delete(String name) {
        String path = connectorPath(name);
        Response response = exchange("DELETE", path, null);
        if (response.status() == 404) {
            return false;
        }
        expect(response, "DELETE", path, 200, 204);
        return true;
    }

    /**
     * Sends the request until Connect gives a final answer, retrying {@link TransientAnswer transient} ones with
     * backoff for {@code retryFor}. Every request connect-init makes is safe to repeat (PUT config is idempotent,
     * a repeated restart or delete only restarts or finds nothing again).
     */
    private Response exchange(String method, String path, Object body) {
        Deadline deadline = Deadline.in(retryFor);
        Backoff backoff = new Backoff(FIRST_RETRY, MAX_RETRY);
        for (int attempt = 1; ; attempt++) {
            TransientAnswer problem;
            try {
                Response response = send(method, path, body, deadline);
                Optional<TransientAnswer> notNow = response.transientAnswer();
                if (notNow.isEmpty()) {
                    return response;
                }
                problem = notNow.get();
            } catch (IOException e) {
                problem = TransientAnswer.of(e);
            }
            if (deadline.passed()) {
                throw new CliFailure(
                        ExitCode.CONNECT_UNREACHABLE,
                        "Kafka Connect at " + base + ": " + method + " "
                                + path + " failed: " + problem.answer()
                                + (retryFor.isZero()
                                        ? " (Connect is waiting for " + problem.waitingFor() + "; try again)"
                                        : ". Gave up after " + DurationText.format(retryFor)
                                                + " and " + attempt + " attempts waiting for " + problem.waitingFor()
                                                + "; check the worker's log, or raise --timeout."));
            }
            if (attempt == 1) {
                notices.println("Kafka Connect is not ready for " + method + " " + path + " (" + problem.answer()
                        + "): retrying while waiting for " + problem.waitingFor());
                notices.flush();
            }
            deadline.sleep(backoff.next());
        }
    }

    private Response send(String method, String path, Object body, Deadline deadline) throws IOException {
        Duration timeout = deadline.remaining();
        timeout = timeout.compareTo(MIN_REQUEST_TIMEOUT) < 0
                ? MIN_REQUEST_TIMEOUT
                : timeout.compareTo(MAX_REQUEST_TIMEOUT) > 0 ? MAX_REQUEST_TIMEOUT : timeout;
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void expect(Response response, String method, String path, int... expected) {
        for (int status : expected) {
            if (response.status() == status) {
                return;
            }
        }
        throw new CliFailure(
                ExitCode.CONNECT_UNREACHABLE,
                "Kafka Connect at " + base + " rejected " + method + " " + path + ": " + response.answer());
    }

    private static String connectorPath(String name) {
        return "/connectors/" + segment(name);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An HTTP answer; {@link #message()} is Connect's error message, masked. */
    private final class Response {
        private final int status;
        private final String body;

        Response(int status, String body) {
            this.status = status;
            this.body = body == null ? "" : body;
        }

        int status() {
            return status;
        }

        /** Connect's own error body ({"error_code": ..., "message": ...}), not a bare page of its web server. */
        boolean connectError() {
            try {
                return Json.MAPPER.readTree(body).has("error_code");
            } catch (JsonProcessingException e) {
                return false;
            }
        }

        Optional<TransientAnswer> transientAnswer() {
            return status < 400 ? Optional.empty() : TransientAnswer.of(status, connectError(), message());
        }

        String answer() {
            return TransientAnswer.answer(status, message());
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body.isEmpty() ? "{}" : body);
            } catch (JsonProcessingException e) {
                throw new CliFailure(
                        ExitCode.CONNECT_UNREACHABLE,
                        "Kafka Connect at " + base + " answered HTTP " + status + " with a body that is not JSON: "
                                + message());
            }
        }

        String message() {
            String text;
            try {
                text = Json.MAPPER.readTree(body).path("message").asText(body);
            } catch (JsonProcessingException e) {
                text = body;
            }
            text = text.startsWith("<") ? "(a web page instead of Connect's JSON answer)" : text.strip();
            return masker.maskText(text.length() > 500 ? text.substring(0, 500) + "..." : text);
        }
    }
}
