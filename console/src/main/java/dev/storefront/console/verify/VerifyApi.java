package dev.storefront.console.verify;

import dev.storefront.console.web.ConsoleServer;
import dev.storefront.console.web.Http;
import dev.storefront.pipeline.config.PipelineConfig;
import dev.storefront.reconciliation.PipelineVerifier;
import dev.storefront.reconciliation.VerifyReport;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * `./platform verify` from the page: POST /api/verify runs it (one at a time) and answers its report; GET /api/verify
 * answers the last one.
 */
public final class VerifyApi implements ConsoleServer.Route {

    private final PipelineConfig config;
    private Map<String, Object> last = Map.of("ran", false);

    public VerifyApi(PipelineConfig config) {
        this.config = config;
    }

    @Override
    public synchronized void handle(Http request) throws Exception {
        if (request.method().equals("POST")) {
            long start = System.nanoTime();
            VerifyReport report = new PipelineVerifier(config, Duration.ofMinutes(2)).verify();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ran", true);
            result.put("at", Instant.now().toString());
            result.put("seconds", (System.nanoTime() - start) / 1e9);
            result.put("allMatch", report.allMatch());
            result.put("report", report.render());
            last = result;
        }
        request.json(200, last);
    }
}
