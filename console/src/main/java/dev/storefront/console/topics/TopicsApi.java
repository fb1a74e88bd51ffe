package dev.storefront.console.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.console.decode.RecordDecoder;
import dev.storefront.console.tail.TopicTail;
import dev.storefront.console.web.ConsoleServer;
import dev.storefront.console.web.Http;
import dev.storefront.contract.ClosestName;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Topics and their records, committed only: GET /api/topics; GET /api/topics/NAME/messages with
 * {@code mode=latest&n=}, {@code mode=offset&partition=&offset=&n=} or {@code mode=key&key=&window=} (the key's
 * records among the last {@code window}, at most 10,000); GET /api/topics/NAME/live streams new records as
 * server-sent events until the page closes it.
 */
public final class TopicsApi implements ConsoleServer.Route {

    private static final int MAX_WINDOW = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration LIVE_FOR_AT_MOST = Duration.ofMinutes(10);

    private final TopicCatalog catalog;
    private final String bootstrapServers;
    private final RecordDecoder decoder;

    public TopicsApi(TopicCatalog catalog, String bootstrapServers, RecordDecoder decoder) {
        this.catalog = catalog;
        this.bootstrapServers = bootstrapServers;
        this.decoder = decoder;
    }

    @Override
    public void handle(Http request) throws Exception {
        if (request.rest().isEmpty()) {
            request.json(200, catalog.topics());
            return;
        }
        int slash = request.rest().lastIndexOf('/');
        String topic = slash < 0 ? request.rest() : request.rest().substring(0, slash);
        String what = slash < 0 ? "" : request.rest().substring(slash + 1);
        switch (what) {
            case "messages" -> request.json(200, messages(request, topic));
            case "live" -> live(request, topic);
            default ->
                throw new Http.BadRequest(
                        "expected /api/topics/NAME/messages or /api/topics/NAME/live, got /api/topics/"
                                + request.rest());
        }
    }

    private ArrayNode messages(Http request, String topic) {
        String mode = request.param("mode", "latest");
        ArrayNode documents = Http.JSON.createArrayNode();
        try (TopicTail tail = new TopicTail(bootstrapServers, topic, TIMEOUT)) {
            switch (mode) {
                case "latest" -> decode(tail.last((int) request.number("n", 50, 1, 1000)), documents);
                case "offset" ->
                    decode(
                            tail.from(
                                    (int) request.number("partition", 0, 0, 10_000),
                                    request.number("offset", 0, 0, Long.MAX_VALUE),
                                    (int) request.number("n", 50, 1, 1000)),
                            documents);
                case "key" -> {
                    String key = request.required("key");
                    for (ConsumerRecord<byte[], byte[]> record :
                            tail.last((int) request.number("window", MAX_WINDOW, 1, MAX_WINDOW))) {
                        ObjectNode document = decoder.decode(record);
                        if (keyMatches(document.path("key"), key)) {
                            documents.add(document);
                        }
                    }
                }
                default -> throw new Http.BadRequest("'mode' must be latest, offset or key, got '" + mode + "'");
            }
        } catch (TopicTail.UnknownTopic e) {
            throw new Http.BadRequest(e.getMessage() + ClosestName.suggestion(topic, e.known()));
        } catch (IllegalArgumentException e) {
            throw new Http.BadRequest(e.getMessage());
        }
        return documents;
    }

    /** A key matches when its JSON is the text given, or one of its fields is (`42` finds {"id": 42}). */
    static boolean keyMatches(JsonNode key, String wanted) {
        if (key.isValueNode()) {
            return key.asText().equals(wanted);
        }
        if (key.toString().equals(wanted)) {
            return true;
        }
        for (JsonNode field : key) {
            if (field.isValueNode() && field.asText().equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private void decode(List<ConsumerRecord<byte[], byte[]>> records, ArrayNode documents) {
        records.forEach(record -> documents.add(decoder.decode(record)));
    }

    /** Server-sent events, one decoded record each, until the client goes away or ten minutes pass. */
    private void live(Http request, String topic) throws Exception {
        try (TopicTail tail = new TopicTail(bootstrapServers, topic, TIMEOUT)) {
            request.exchange().getResponseHeaders().set("Content-Type", "text/event-stream");
            request.exchange().getResponseHeaders().set("Cache-Control", "no-store");
            request.exchange().sendResponseHeaders(200, 0);
            OutputStream out = request.exchange().getResponseBody();
            long until = System.nanoTime() + LIVE_FOR_AT_MOST.toNanos();
            boolean[] open = {true};
            out.write(": live\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            tail.follow(
                    record -> {
                        try {
                            out.write(("data: " + Http.JSON.writeValueAsString(decoder.decode(record)) + "\n\n")
                                    .getBytes(StandardCharsets.UTF_8));
                            out.flush();
                        } catch (IOException gone) {
                            open[0] = false;
                        }
                    },
                    () -> open[0] && System.nanoTime() < until && heartbeat(out, open));
        } catch (TopicTail.UnknownTopic e) {
            request.json(404, Map.of("error", e.getMessage()));
        }
    }

    /** A comment line between polls: a closed page shows up as a failed write, which ends the stream. */
    private static boolean heartbeat(OutputStream out, boolean[] open) {
        try {
            out.write(":\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException gone) {
            open[0] = false;
        }
        return open[0];
    }
}
