package dev.storefront.pipeline.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /health}: 200 {@code {"state":"RUNNING"}} while the streams run, 503 with the state otherwise; {@code GET
 * /metrics}: Prometheus text of Kafka Streams' and the JVM's metrics.
 */
public final class HealthServer implements AutoCloseable {

    /** Prometheus' text exposition format, version 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final String JSON = "application/json";

    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code port} (0 picks a free one) of the address {@code host}. */
    public static HealthServer start(
            String host, int port, Supplier<KafkaStreams.State> state, Supplier<String> metrics) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext(
                "/health",
                exchange -> serve(exchange, "/health", () -> {
                    KafkaStreams.State now = state.get();
                    return new Reply(
                            now == KafkaStreams.State.RUNNING ? 200 : 503, JSON, "{\"state\":\"" + now + "\"}");
                }));
        server.createContext(
                "/metrics",
                exchange -> serve(exchange, "/metrics", () -> new Reply(200, PROMETHEUS_TEXT, metrics.get())));
        server.start();
        return new HealthServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private record Reply(int status, String contentType, String body) {}

    /** GET of exactly {@code path} gets the reply; anything else 404 or 405. */
    private static void serve(HttpExchange exchange, String path, Supplier<Reply> reply) throws IOException {
        try (exchange) {
            if (!path.equals(exchange.getRequestURI().getPath())) {
                send(exchange, new Reply(404, JSON, "{\"error\":\"not found\"}"));
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "GET");
                send(exchange, new Reply(405, JSON, "{\"error\":\"only GET\"}"));
            } else {
                send(exchange, reply.get());
            }
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
