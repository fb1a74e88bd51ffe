package dev.storefront.console.metrics;

import dev.storefront.console.metrics.MetricsSummary.Scrape;
import dev.storefront.console.web.ConsoleServer;
import dev.storefront.console.web.Http;
import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.metrics.PlatformSeries.Source;
import java.util.Map;

/**
 * GET /api/metrics: the table `./platform metrics` prints, for the overview page, counters as rates since the
 * previous call. It scrapes only when asked: an unwatched console adds no load.
 */
public final class MetricsApi implements ConsoleServer.Route {

    private final PlatformEndpoints endpoints;
    private Map<Source, Scrape> previous;
    private long previousAt;

    public MetricsApi(PlatformEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public void handle(Http request) throws Exception {
        Map<Source, Scrape> current = MetricsSummary.scrapeAll(endpoints);
        long now = System.nanoTime();
        synchronized (this) {
            request.json(200, MetricsSummary.rows(previous, current, (now - previousAt) / 1e9));
            previous = current;
            previousAt = now;
        }
    }
}
