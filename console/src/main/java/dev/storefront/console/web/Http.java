package dev.storefront.console.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One API request: its method, path segments after the route, query parameters; and the JSON answers. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final HttpExchange exchange;
    private final String rest;
    private final Map<String, String> query;

    Http(HttpExchange exchange, String rest) {
        this.exchange = exchange;
        this.rest = rest;
        this.query = parse(exchange.getRequestURI().getRawQuery());
    }

    /** A request the console refuses, with a message naming the culprit (answered 400, nothing changed). */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }

    public HttpExchange exchange() {
        return exchange;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    /** The path after the route's prefix, without its leading slash, decoded. */
    public String rest() {
        return rest;
    }

    public String param(String name, String fallback) {
        String value = query.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String required(String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new BadRequest("missing query parameter '" + name + "'");
        }
        return value;
    }

    public long number(String name, long fallback, long min, long max) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("'" + name + "' must be a whole number, got '" + value + "'");
        }
        if (number < min || number > max) {
            throw new BadRequest("'" + name + "' must be between " + min + " and " + max + ", got " + number);
        }
        return number;
    }

    public void json(int status, Object body) throws IOException {
        send(status, "application/json", JSON.writeValueAsBytes(body));
    }

    public void send(int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
