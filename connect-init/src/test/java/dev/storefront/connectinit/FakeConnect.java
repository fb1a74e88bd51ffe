package dev.storefront.connectinit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process fake of Kafka Connect's REST contract, for unit tests of connect-init's decisions only
 * (the real-Connect tests are the end-to-end module's *IT). Answers like Connect 4.x: GET / and /health, config
 * validation (echoing every value, secrets included, as the worst case), PUT/GET config, status, restart,
 * delete; each connector walks through a scripted sequence of states after each (re)start. It can also answer as a
 * worker does while it starts (a bare web-server 404 before its REST resources exist, 503 from /health) and while
 * its group rebalances (500 "a rebalance is expected" and 409, to any request), and reject a request outright.
 */
final class FakeConnect implements AutoCloseable {

    /** One GET .../status answer: the connector's state and its task's state (null: no task yet). */
    record Snapshot(String connector, String task, String trace) {
        static Snapshot starting() {
            return new Snapshot("RUNNING", null, null);
        }

        static Snapshot running() {
            return new Snapshot("RUNNING", "RUNNING", null);
        }

        static Snapshot taskFailed(String trace) {
            return new Snapshot("RUNNING", "FAILED", trace);
        }
    }

    private static final Pattern CONNECTOR = Pattern.compile("/connectors/([^/]+)(/config|/status|/restart)?");
    private static final Pattern VALIDATE = Pattern.compile("/connector-plugins/([^/]+)/config/validate");

    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Map<String, String>> configs = new ConcurrentHashMap<>();
    private final Map<String, List<Snapshot>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final AtomicInteger unavailableRootAnswers = new AtomicInteger();
    private final AtomicInteger startingHealthAnswers = new AtomicInteger();
    private int rebalancingAnswers;
    private int interleavedRebalances;
    private boolean lastRebalanced;
    private final AtomicInteger rebalancingAnswered = new AtomicInteger();
    private volatile String rejectedRequest;
    private volatile Map<String, List<String>> validationErrors = Map.of();
    private volatile Map<String, String> undefinedKeys = Map.of();
    private volatile List<Snapshot> afterStart = List.of(Snapshot.starting(), Snapshot.running());
    private volatile boolean pluginInstalled = true;

    private FakeConnect(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeConnect start() {
        return new FakeConnect(0);
    }

    static FakeConnect startOn(int port) {
        return new FakeConnect(port);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** "METHOD path?query" of every request, in order. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    Map<String, String> config(String name) {
        return configs.get(name);
    }

    /** Registers a connector as if an earlier apply had, already at the end of its start script. */
    void register(String name, Map<String, String> config, Snapshot state) {
        configs.put(name, new LinkedHashMap<>(config));
        scripts.put(name, List.of(state));
        polls.put(name, new AtomicInteger());
    }

    /** The next {@code times} requests to / or /health get the web server's bare 404 page. */
    void answerRootUnavailable(int times) {
        unavailableRootAnswers.set(times);
    }

    /** The next {@code times} requests to /health get 503 "still starting up". */
    void answerHealthStarting(int times) {
        startingHealthAnswers.set(times);
    }

    /**
     * The next {@code times} requests to anything but / and /health get what Connect answers while its group
     * rebalances, alternating 500 "a rebalance is expected" and 409 "conflicting operation".
     */
    synchronized void answerRebalancing(int times) {
        rebalancingAnswers = times;
    }

    /** Like {@link #answerRebalancing}, but each of the next {@code requests} requests gets one such answer first. */
    synchronized void rebalanceBeforeEach(int requests) {
        interleavedRebalances = requests;
    }

    /** How many rebalancing answers were given. */
    int rebalancingAnswered() {
        return rebalancingAnswered.get();
    }

    /** "METHOD path" (e.g. "PUT /connectors/x/config") is answered 400 as an invalid request, every time. */
    void reject(String request) {
        rejectedRequest = request;
    }

    void rejectFields(Map<String, List<String>> errors) {
        validationErrors = errors;
    }

    /**
     * Validation answers like a plugin that does not define {@code misspelt} (no definition in the response, as Connect
     * does for an unknown key) but defines {@code defined} (in the response even when the config lacks it).
     */
    void defineInsteadOf(String defined, String misspelt) {
        undefinedKeys = Map.of(misspelt, defined);
    }

    void withoutPlugin() {
        pluginInstalled = false;
    }

    /** The states a connector walks through after each create, update or restart; the last one stays. */
    /** How many times the connector's status was asked for since it was last created, updated or restarted. */
    int statusPolls(String name) {
        return polls.get(name).get();
    }

    void afterStart(Snapshot... snapshots) {
        afterStart = List.of(snapshots);
    }

    private synchronized boolean rebalanceNow() {
        if (rebalancingAnswers > 0) {
            rebalancingAnswers--;
            return true;
        }
        lastRebalanced = interleavedRebalances > 0 && !lastRebalanced;
        interleavedRebalances -= lastRebalanced ? 1 : 0;
        return lastRebalanced;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String method = exchange.getRequestMethod();
        requests.add(method + " " + path + (query == null ? "" : "?" + query));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher connector = CONNECTOR.matcher(path);
        Matcher validate = VALIDATE.matcher(path);
        boolean root = path.equals("/") || path.equals("/health");
        if (root && unavailableRootAnswers.get() > 0 && unavailableRootAnswers.getAndDecrement() > 0) {
            reply(exchange, 404, "<html><body><h2>HTTP ERROR 404 Not Found</h2></body></html>");
        } else if (path.equals("/health") && method.equals("GET")) {
            boolean starting = startingHealthAnswers.get() > 0 && startingHealthAnswers.getAndDecrement() > 0;
            reply(
                    exchange,
                    starting ? 503 : 200,
                    starting
                            ? "{\"status\":\"starting\",\"message\":\"Worker is still starting up.\"}"
                            : "{\"status\":\"healthy\",\"message\":\"Worker has completed startup and is ready.\"}");
        } else if (path.equals("/") && method.equals("GET")) {
            reply(exchange, 200, "{\"version\":\"4.3.1\",\"commit\":\"fake\",\"kafka_cluster_id\":\"fake\"}");
        } else if (!root && rebalanceNow()) {
            boolean expected = rebalancingAnswered.getAndIncrement() % 2 == 0;
            reply(
                    exchange,
                    expected ? 500 : 409,
                    expected
                            ? error(500, "Request cannot be completed because a rebalance is expected")
                            : error(
                                    409,
                                    "Cannot complete request because of a conflicting operation (e.g. worker rebalance)"));
        } else if ((method + " " + path).equals(rejectedRequest)) {
            reply(
                    exchange,
                    400,
                    error(400, "Connector configuration is invalid and contains the following 1 error(s)"));
        } else if (validate.matches() && method.equals("PUT")) {
            validate(exchange, decode(validate.group(1)), body);
        } else if (connector.matches()) {
            connector(exchange, method, decode(connector.group(1)), connector.group(2), body);
        } else {
            reply(exchange, 404, error(404, "HTTP 404 Not Found"));
        }
    }

    private void validate(HttpExchange exchange, String plugin, String body) throws IOException {
        if (!pluginInstalled) {
            reply(
                    exchange,
                    500,
                    error(
                            500,
                            "Failed to find any class that implements Connector and which name" + " matches "
                                    + plugin));
            return;
        }
        Map<String, String> config = Json.MAPPER.readValue(body, Json.STRING_MAP);
        ObjectNode result = Json.MAPPER.createObjectNode().put("name", plugin);
        ArrayNode configs = result.putArray("configs");
        int errorCount = 0;
        List<String> defined = new ArrayList<>(undefinedKeys.values());
        config.keySet().stream().filter(key -> !undefinedKeys.containsKey(key)).forEach(defined::add);
        for (String key : defined) {
            configs.addObject().putObject("definition").put("name", key);
        }
        for (Map.Entry<String, String> entry : config.entrySet()) {
            ObjectNode value = configs.addObject()
                    .putObject("value")
                    .put("name", entry.getKey())
                    .put("value", entry.getValue())
                    .put("visible", true);
            ArrayNode errors = value.putArray("errors");
            for (String message : validationErrors.getOrDefault(entry.getKey(), List.of())) {
                errors.add(message);
                errorCount++;
            }
        }
        result.put("error_count", errorCount);
        reply(exchange, 200, Json.MAPPER.writeValueAsString(result));
    }

    private void connector(HttpExchange exchange, String method, String name, String resource, String body)
            throws IOException {
        boolean exists = configs.containsKey(name);
        String action = method + " " + (resource == null ? "" : resource);
        switch (action) {
            case "PUT /config" -> {
                Map<String, String> config = Json.MAPPER.readValue(body, Json.STRING_MAP);
                config.put("name", name);
                configs.put(name, config);
                restarted(name);
                reply(exchange, exists ? 200 : 201, Json.MAPPER.writeValueAsString(Map.of("name", name)));
            }
            case "GET /config" ->
                reply(
                        exchange,
                        exists ? 200 : 404,
                        exists
                                ? Json.MAPPER.writeValueAsString(configs.get(name))
                                : error(404, "Connector " + name + " not found"));
            case "GET /status" ->
                reply(
                        exchange,
                        exists ? 200 : 404,
                        exists ? status(name) : error(404, "No status found for connector " + name));
            case "POST /restart" -> {
                if (exists) {
                    restarted(name);
                }
                reply(exchange, exists ? 202 : 404, exists ? status(name) : error(404, "Unknown connector " + name));
            }
            case "DELETE " -> {
                configs.remove(name);
                reply(exchange, exists ? 204 : 404, exists ? "" : error(404, "Connector " + name + " not found"));
            }
            default -> reply(exchange, 405, error(405, "HTTP 405 Method Not Allowed"));
        }
    }

    private void restarted(String name) {
        scripts.put(name, afterStart);
        polls.put(name, new AtomicInteger());
    }

    private String status(String name) throws IOException {
        List<Snapshot> script = scripts.get(name);
        Snapshot now = script.get(Math.min(polls.get(name).getAndIncrement(), script.size() - 1));
        ObjectNode status = Json.MAPPER.createObjectNode().put("name", name).put("type", "source");
        status.putObject("connector").put("state", now.connector()).put("worker_id", "fake:8083");
        ArrayNode tasks = status.putArray("tasks");
        if (now.task() != null) {
            ObjectNode task =
                    tasks.addObject().put("id", 0).put("state", now.task()).put("worker_id", "fake:8083");
            if (now.trace() != null) {
                task.put("trace", now.trace());
            }
        }
        return Json.MAPPER.writeValueAsString(status);
    }

    private static String error(int code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error_code", code);
        error.put("message", message);
        return Json.MAPPER.writeValueAsString(error);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
