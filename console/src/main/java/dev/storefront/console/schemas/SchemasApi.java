package dev.storefront.console.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.console.web.ConsoleServer;
import dev.storefront.console.web.Http;
import dev.storefront.console.web.Upstream;
import dev.storefront.contract.PlatformEndpoints;
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
 * The registry's subjects through its Confluent-compatible API: GET /api/schemas (their names), GET
 * /api/schemas?details=true (each subject's versions and compatibility rule), GET /api/schemas/SUBJECT?from=V&to=W (both
 * versions, pretty-printed, and their line diff).
 */
public final class SchemasApi implements ConsoleServer.Route {

    private static final ExecutorService LOOKUPS = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "registry-lookup");
        thread.setDaemon(true);
        return thread;
    });

    private final String ccompat;
    private final String globalRule;

    public SchemasApi(PlatformEndpoints endpoints) {
        this.ccompat = endpoints.registryCcompatUrl();
        this.globalRule = endpoints.registryGlobalCompatibilityUrl();
    }

    @Override
    public void handle(Http request) throws Exception {
        if (request.rest().isEmpty()) {
            ArrayNode subjects = Http.JSON.createArrayNode();
            JsonNode names = Upstream.get(ccompat + "/subjects");
            if (!request.param("details", "false").equals("true")) {
                // The names alone (one call), so the page shows its list at once and asks for the details after.
                names.forEach(name -> subjects.addObject().put("subject", name.asText()));
                request.json(200, subjects);
                return;
            }
            // Two registry calls per subject, asked at once: one after another took seconds for 20 subjects.
            String global = globalCompatibility();
            List<CompletableFuture<ObjectNode>> asked = new ArrayList<>();
            for (JsonNode subject : names) {
                asked.add(CompletableFuture.supplyAsync(() -> describe(subject.asText(), global), LOOKUPS));
            }
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
                .put("compatibility", compatibility(subject, globalCompatibility()))
                .put("from", from)
                .put("to", to);
        answer.set("versions", versions);
        answer.set(
                "diff", Http.JSON.valueToTree(LineDiff.diff(List.of(before.split("\n")), List.of(after.split("\n")))));
        request.json(200, answer);
    }

    private ObjectNode describe(String subject, String global) {
        try {
            ObjectNode described = Http.JSON
                    .createObjectNode()
                    .put("subject", subject)
                    .put("compatibility", compatibility(subject, global));
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

    /** The subject's own rule, else {@code global}, the registry's. */
    private String compatibility(String subject, String global) throws InterruptedException {
        try {
            return Upstream.get(ccompat + "/config/" + encode(subject))
                    .path("compatibilityLevel")
                    .asText("NONE");
        } catch (IOException noRuleOfItsOwn) {
            return global;
        }
    }

    private String globalCompatibility() throws InterruptedException {
        try {
            return Upstream.get(globalRule).path("config").asText("NONE") + " (global)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
