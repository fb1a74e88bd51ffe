package dev.storefront.contract.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.contract.PlatformEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's compatibility checks through its Confluent-compatible API. The rule is global, set when the registry
 * starts (SCHEMA_COMPATIBILITY): Debezium's converter creates each CDC subject with its first schema (auto-register),
 * so a rule of the subject's own could only follow that first version; the global rule holds from it on.
 */
public final class SchemaCompatibility {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

    private final String ccompatUrl;
    private final String globalRuleUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SchemaCompatibility(PlatformEndpoints endpoints) {
        this.ccompatUrl = endpoints.registryCcompatUrl();
        this.globalRuleUrl = endpoints.registryGlobalCompatibilityUrl();
    }

    /** The global rule, NONE when there is none. */
    public String globalRule() throws IOException, InterruptedException {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(globalRuleUrl)).GET(), "application/json");
        return response.statusCode() == 404
                ? "NONE"
                : json(response, globalRuleUrl).path("config").asText("NONE");
    }

    /** The latest schema of {@code subject}, if it has one. */
    public Optional<String> latestSchema(String subject) throws IOException, InterruptedException {
        String path = "/subjects/" + encode(subject) + "/versions/latest";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(json(response, path).path("schema").asText());
    }

    /** Whether the registry's rule would accept {@code schema} (Avro) as the next version of {@code subject}. */
    public boolean accepts(String subject, String schema) throws IOException, InterruptedException {
        String path = "/compatibility/subjects/" + encode(subject) + "/versions/latest";
        return json(
                        send(HttpRequest.newBuilder(uri(path))
                                .POST(body(Map.of("schema", schema, "schemaType", "AVRO")))
                                .header("Content-Type", MEDIA_TYPE)),
                        path)
                .path("is_compatible")
                .asBoolean(false);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request, MEDIA_TYPE);
    }

    /** The Confluent API answers its own media type, the v3 API plain JSON. */
    private HttpResponse<String> send(HttpRequest.Builder request, String accept)
            throws IOException, InterruptedException {
        return http.send(
                request.timeout(Duration.ofSeconds(10)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    "The registry answered " + what + " with " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpRequest.BodyPublisher body(Map<String, String> fields) throws IOException {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields));
    }

    private URI uri(String path) {
        return URI.create(ccompatUrl + path);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
