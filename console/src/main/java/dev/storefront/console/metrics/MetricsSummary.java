package dev.storefront.console.metrics;

import dev.storefront.console.web.Upstream;
import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.metrics.PlatformSeries;
import dev.storefront.contract.metrics.PlatformSeries.Source;
import dev.storefront.contract.metrics.PrometheusText;
import dev.storefront.contract.metrics.PrometheusText.Sample;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One table of the platform's series from two scrapes of every /metrics endpoint: counters as a rate over the time
 * between them (and their total), levels as they are now. A scrape that failed says why on its component's line.
 */
public final class MetricsSummary {

    /** What one scrape of a source gave: its samples, or why there are none. */
    public record Scrape(List<Sample> samples, String error) {

        public static Scrape of(List<Sample> samples) {
            return new Scrape(samples, null);
        }

        public static Scrape failed(String error) {
            return new Scrape(List.of(), error);
        }
    }

    /** A line of the table. */
    public record Row(String component, String caption, String value) {}

    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(5);

    private MetricsSummary() {}

    /** One scrape of every /metrics endpoint of the platform; one that fails says why in its {@link Scrape}. */
    public static Map<Source, Scrape> scrapeAll(PlatformEndpoints endpoints) throws InterruptedException {
        Map<Source, Scrape> scrapes = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            String url = source.url(endpoints);
            try {
                scrapes.put(source, Scrape.of(PrometheusText.parse(Upstream.prometheusText(url, SCRAPE_TIMEOUT))));
            } catch (IOException | IllegalArgumentException e) {
                scrapes.put(source, Scrape.failed(url + ": " + e.getMessage()));
            }
        }
        return scrapes;
    }

    /**
     * @param previous the scrapes {@code seconds} earlier, or null for a single scrape (counters show their totals)
     */
    public static List<Row> rows(Map<Source, Scrape> previous, Map<Source, Scrape> current, double seconds) {
        List<Row> rows = new ArrayList<>();
        for (Source source : Source.values()) {
            Scrape now = current.get(source);
            if (now == null || now.error() != null) {
                rows.add(new Row(source.component(), "unreachable", now == null ? "not scraped" : now.error()));
                continue;
            }
            for (PlatformSeries series : PlatformSeries.values()) {
                if (series.source() == source) {
                    double value = series.selector().sum(now.samples());
                    Scrape before = previous == null ? null : previous.get(source);
                    double earlier = before == null || before.error() != null
                            ? Double.NaN
                            : series.selector().sum(before.samples());
                    rows.add(new Row(source.component(), series.caption(), format(series, value, earlier, seconds)));
                }
            }
        }
        return rows;
    }

    static String format(PlatformSeries series, double value, double earlier, double seconds) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return switch (series.kind()) {
            case COUNTER ->
                Double.isNaN(earlier) || seconds <= 0
                        ? "total " + whole(value)
                        : String.format(
                                Locale.ROOT, "%s/s (total %s)", rate((value - earlier) / seconds), whole(value));
            case SECONDS ->
                Double.isNaN(earlier) || seconds <= 0
                        ? String.format(Locale.ROOT, "%.1f s in all", value)
                        : String.format(
                                Locale.ROOT,
                                "%.1f %% of the time (%.1f s in all)",
                                Math.max(0, 100 * (value - earlier) / seconds),
                                value);
            case LEVEL -> whole(value);
            case MILLIS -> whole(value) + " ms";
            case BYTES -> String.format(Locale.ROOT, "%.1f MiB", value / (1024 * 1024));
        };
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    /** A counter reset by a restart is no negative rate. */
    private static String rate(double perSecond) {
        return perSecond >= 100 ? whole(perSecond) : String.format(Locale.ROOT, "%.1f", Math.max(0, perSecond));
    }
}
