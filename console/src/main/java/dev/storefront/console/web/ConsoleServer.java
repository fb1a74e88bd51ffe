package dev.storefront.console.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.storefront.contract.PlatformEnv;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The console's HTTP server: the page and its scripts from the jar, and the JSON API each feature registers under
 * {@code /api/<feature>}. The JDK's own server: a few threads and no framework keep the console small (its RSS is
 * budgeted at 200 MB beside seven other processes).
 */
public final class ConsoleServer {

    /** One API route: what it answers for a request. */
    @FunctionalInterface
    public interface Route {
        void handle(Http request) throws Exception;
    }

    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html", "/console.js", "console.js", "/console.css", "console.css");

    private final HttpServer server;
    private final PlatformEnv env;
    private final List<String> prefixes = new ArrayList<>();

    public ConsoleServer(String host, int port, PlatformEnv env) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(host, port), 32);
        this.env = env;
        // Live tails hold a thread each while open: a few more threads than requests at once.
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::serveStatic);
        server.createContext("/health", exchange -> new Http(exchange, "").json(200, Map.of("status", "UP")));
    }

    /** Answers {@code /api/<prefix>} and everything below it with {@code route}. */
    public void api(String prefix, Route route) {
        prefixes.add(prefix);
        String path = "/api/" + prefix;
        server.createContext(path, exchange -> {
            String raw = exchange.getRequestURI().getRawPath().substring(path.length());
            String rest = URLDecoder.decode(raw.startsWith("/") ? raw.substring(1) : raw, StandardCharsets.UTF_8);
            answer(new Http(exchange, rest), route);
        });
    }

    public void start(Consumer<String> log) {
        server.start();
        log.accept("Console at http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/ (API: /api/" + String.join(", /api/", prefixes) + ")");
    }

    public void stop() {
        server.stop(1);
    }

    private void answer(Http request, Route route) throws IOException {
        try {
            route.handle(request);
        } catch (Http.BadRequest e) {
            request.json(400, Map.of("error", e.getMessage()));
        } catch (Exception e) {
            // A component that is down answers here: say which and why, with any secret of .env masked.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            request.json(502, Map.of("error", env.mask(message)));
        } finally {
            request.exchange().close();
        }
    }

    private void serveStatic(HttpExchange exchange) throws IOException {
        Http request = new Http(exchange, "");
        String file = STATIC.get(exchange.getRequestURI().getPath());
        if (file == null) {
            request.json(
                    404, Map.of("error", "no page " + exchange.getRequestURI().getPath()));
            exchange.close();
            return;
        }
        try (InputStream in = ConsoleServer.class.getResourceAsStream("/web/" + file)) {
            String type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "text/html";
            request.send(200, type + "; charset=utf-8", in.readAllBytes());
        }
    }
}
