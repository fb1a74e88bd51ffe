package dev.storefront.console.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.console.web.ConsoleServer;
import dev.storefront.console.web.Http;
import dev.storefront.console.web.Upstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The registry's subjects through its Confluent-compatible API: GET /api/schemas (each subject's versions and
 * compatibility rule), GET /api/schemas/SUBJECT?from=V&to=W (both versions, pretty-printed, and their line diff).
 */
public final class SchemasApi implements ConsoleServer.Route {

    private static final ExecutorService LOOKUPS = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "registry-lookup");
        thread.setDaemon(true);
        return thread;
    });

    private final String ccompat;

    /** @param registryUrl the registry's base URL */
    public SchemasApi(String registryUrl) {
        this.ccompat = registryUrl + "/apis/ccompat/v7";
    }

    @Override
    public void handle(Http request) throws Exception {
        if (request.rest().isEmpty()) {
            // Two registry calls per subject, asked at once: one after another took seconds for 20 subjects.
            List<CompletableFuture<ObjectNode>> asked = new ArrayList<>();
            for (JsonNode subject : Upstream.get(ccompat + "/subjects")) {
                asked.add(CompletableFuture.supplyAsync(() -> describe(subject.asText()), LOOKUPS));
            }
            ArrayNode subjects = Http.JSON.createArrayNode();
            for (CompletableFuture<ObjectNode> subject : asked) {
                subjects.add(subject.join());
            }
            request.json(200, subjects);
            return;
        }
        String subject = request.rest();
        JsonNode versions = Upstream.get(ccompat + "/subjects/" + encode(subject) + "/versions");
        long last = versions.get(versions.size() - 1).asLong();
        long to = request.number("to", last, 1, Long.MAX_VALUE);
        long from = request.number("from", Math.max(1, to - 1), 1, Long.MAX_VALUE);
        String before = schema(subject, from);
        String after = schema(subject, to);
        ObjectNode answer = Http.JSON
                .createObjectNode()
                .put("subject", subject)
                .put("compatibility", compatibility(subject))
                .put("from", from)
                .put("to", to);
        answer.set("versions", versions);
        answer.set(
                "diff", Http.JSON.valueToTree(LineDiff.diff(List.of(before.split("\n")), List.of(after.split("\n")))));
        request.json(200, answer);
    }

    private ObjectNode describe(String subject) {
        try {
            ObjectNode described =
                    Http.JSON.createObjectNode().put("subject", subject).put("compatibility", compatibility(subject));
            described.set("versions", Upstream.get(ccompat + "/subjects/" + encode(subject) + "/versions"));
            return described;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String schema(String subject, long version) throws IOException, InterruptedException {
        JsonNode found = Upstream.get(ccompat + "/subjects/" + encode(subject) + "/versions/" + version);
        return Http.JSON
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(Http.JSON.readTree(found.path("schema").asText()));
    }

    /** The subject's own rule, else the registry's global one. */
    private String compatibility(String subject) throws InterruptedException {
        try {
            return Upstream.get(ccompat + "/config/" + encode(subject))
                    .path("compatibilityLevel")
                    .asText("NONE");
        } catch (IOException noRuleOfItsOwn) {
            try {
                return Upstream.get(ccompat + "/config")
                                .path("compatibilityLevel")
                                .asText("NONE") + " (global)";
            } catch (IOException e) {
                return "unknown";
            }
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
