package dev.storefront.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthServerTest {

    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.REBALANCING);
    private final HttpClient http = HttpClient.newHttpClient();
    private HealthServer server;

    @BeforeEach
    void start() throws Exception {
        server = HealthServer.start("127.0.0.1", 0, state::get, () -> "kafka_stream_thread_process_total 42.0\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthyOnlyWhileTheStreamsRun() throws Exception {
        HttpResponse<String> starting = get("/health", "GET");
        assertThat(starting.statusCode()).isEqualTo(503);
        assertThat(starting.body()).isEqualTo("{\"state\":\"REBALANCING\"}");

        state.set(KafkaStreams.State.RUNNING);
        HttpResponse<String> running = get("/health", "GET");
        assertThat(running.statusCode()).isEqualTo(200);
        assertThat(running.body()).isEqualTo("{\"state\":\"RUNNING\"}");
        assertThat(running.headers().firstValue("Content-Type")).hasValue("application/json");

        state.set(KafkaStreams.State.ERROR);
        assertThat(get("/health", "GET").statusCode()).isEqualTo(503);
    }

    @Test
    void metricsAreServedAsPrometheusText() throws Exception {
        HttpResponse<String> metrics = get("/metrics", "GET");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).isEqualTo("kafka_stream_thread_process_total 42.0\n");
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue(HealthServer.PROMETHEUS_TEXT);
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(get("/health/extra", "GET").statusCode()).isEqualTo(404);
        assertThat(get("/health", "DELETE").statusCode()).isEqualTo(405);
        assertThat(get("/metrics/extra", "GET").statusCode()).isEqualTo(404);
        assertThat(get("/metrics", "POST").statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> get(String path, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
