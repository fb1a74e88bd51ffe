package dev.storefront.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The platform's REST APIs the console asks (Connect, the registry, the seeder): JSON in, JSON out. */
public final class Upstream {

    /** A verify run or a full seed answers only when done: minutes, not seconds. */
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Upstream() {}

    public static JsonNode get(String url) throws IOException, InterruptedException {
        return get(url, CALL_TIMEOUT);
    }

    public static JsonNode get(String url, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET(), url);
    }

    public static JsonNode post(String url, String json) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(CALL_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json)),
                url);
    }

    public static JsonNode put(String url) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT).PUT(HttpRequest.BodyPublishers.noBody()),
                url);
    }

    /** A /metrics endpoint's Prometheus text, asked for as Prometheus asks (Quarkus answers OpenMetrics otherwise). */
    public static String prometheusText(String url, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(timeout)
                        .header("Accept", "text/plain; version=0.0.4")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("answered " + response.statusCode());
        }
        return response.body();
    }

    /** Whether {@code url} answers 2xx within two seconds: a component's health. */
    public static boolean ok(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonNode send(HttpRequest.Builder request, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        String body = response.body();
        return body == null || body.isBlank() ? Http.JSON.nullNode() : Http.JSON.readTree(body);
    }
}
