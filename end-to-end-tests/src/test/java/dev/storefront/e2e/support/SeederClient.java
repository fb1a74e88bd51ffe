package dev.storefront.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The seeder's REST API, as a user drives it (curl or Swagger UI). */
public final class SeederClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public SeederClient(LocalPlatform platform) {
        this.baseUrl = platform.endpoints().seederUrl();
    }

    public JsonNode fullLoad(int customers, int products, int orders, long seed) {
        return post(
                "/seed/full?customers=" + customers + "&products=" + products + "&orders=" + orders + "&seed=" + seed);
    }

    public JsonNode startDeltas(int rate) {
        return post("/seed/start?rate=" + rate);
    }

    public JsonNode stopDeltas() {
        return post("/seed/stop");
    }

    /**
     * Runs the deltas at {@code rate} while {@code during} runs and stops them however it ends, so that a failing
     * scenario leaves none running on the shared platform; returns the stopped run's status.
     */
    public JsonNode deltasWhile(int rate, WhileDeltasRun during) throws Exception {
        startDeltas(rate);
        try {
            during.run();
        } catch (Exception | Error e) {
            try {
                stopDeltas();
            } catch (RuntimeException stop) {
                e.addSuppressed(stop);
            }
            throw e;
        }
        return stopDeltas();
    }

    /** What a scenario does while the seeder's deltas run. */
    @FunctionalInterface
    public interface WhileDeltasRun {
        void run() throws Exception;
    }

    public JsonNode status() {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/seed/status")).GET());
    }

    private JsonNode post(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Seeder answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Seeder unreachable at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
