package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storefront.contract.metrics.PlatformSeries;
import dev.storefront.contract.metrics.PlatformSeries.Source;
import dev.storefront.contract.metrics.PrometheusText;
import dev.storefront.contract.metrics.PrometheusText.Sample;
import dev.storefront.contract.metrics.Selector;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import dev.storefront.e2e.support.SeederClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Prometheus endpoints of the running platform, scraped after deltas ran: each serves its named series with values
 * that counted the work (the seeder's operations, the pipeline's processed records, Debezium's events), not just a page
 * of zeros; and every series the platform documents ({@link PlatformSeries}: what `./platform metrics` prints and the
 * compose dashboards query) is there.
 */
@Order(8)
@ExtendWith(LocalPlatformExtension.class)
class MetricsEndpointsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyDocumentedSeriesIsServedAndCountsTheChangesCaptured(LocalPlatform platform) throws Exception {
        SeederClient seeder = new SeederClient(platform);
        seeder.deltasWhile(50, () -> {
            await("every PlatformSeries served, the counters counting")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(3))
                    .untilAsserted(() -> {
                        Map<Source, List<Sample>> scrapes = new EnumMap<>(Source.class);
                        for (Source source : Source.values()) {
                            scrapes.put(source, PrometheusText.parse(scrape(source.url(platform.endpoints()))));
                        }
                        for (PlatformSeries series : PlatformSeries.values()) {
                            List<Sample> samples = scrapes.get(series.source());
                            assertThat(samples.stream().anyMatch(series.selector()::matches))
                                    .as("%s (%s) served by %s", series, series.selector(), series.source())
                                    .isTrue();
                            double value = series.selector().sum(samples);
                            switch (series.kind()) {
                                case COUNTER, SECONDS, BYTES ->
                                    assertThat(value)
                                            .as("%s = %s", series, series.selector())
                                            .isPositive();
                                case MILLIS ->
                                    assertThat(value)
                                            .as("%s = %s", series, series.selector())
                                            .isNotNaN()
                                            .isNotNegative();
                                case LEVEL -> {}
                            }
                        }
                        assertThat(PlatformSeries.CONNECT_TASKS_RUNNING
                                        .selector()
                                        .sum(scrapes.get(Source.CONNECT)))
                                .as("tasks running: the source and the two sinks")
                                .isGreaterThanOrEqualTo(3);
                        assertThat(PlatformSeries.BROKER_PARTITIONS.selector().sum(scrapes.get(Source.KAFKA)))
                                .isPositive();
                        assertThat(Selector.parse("kafka_stream_thread_process_rate")
                                        .sum(scrapes.get(Source.PIPELINE)))
                                .as("the pipeline's process rate")
                                .isPositive();
                        assertThat(PlatformSeries.PIPELINE_FACT_LATENCY
                                        .selector()
                                        .sum(scrapes.get(Source.PIPELINE)))
                                .as("order facts made while the deltas ran")
                                .isPositive();
                    });
        });
    }

    /** `./platform metrics`: one line per documented series, counters as rates while the deltas run. */
    @Test
    void platformMetricsPrintsEverySeriesWithTheDeltasAsARate(LocalPlatform platform) throws Exception {
        SeederClient seeder = new SeederClient(platform);
        seeder.deltasWhile(50, () -> {
            await("a value on every series' line")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        Result once = platform.platform("metrics", "--once");
                        assertThat(once.exitCode()).as(once.output()).isZero();
                        for (PlatformSeries series : PlatformSeries.values()) {
                            assertThat(once.output())
                                    .as("%s in:%n%s", series, once.output())
                                    .containsPattern("(?m)^" + series.source().component() + "\\s+"
                                            + Pattern.quote(series.caption()) + "\\s+[^-\\s]");
                        }
                    });
            await("the seeder's operations as a rate")
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> {
                        Result live = platform.platform("metrics", "--count", "1", "--interval", "2s");
                        assertThat(live.exitCode()).as(live.output()).isZero();
                        Matcher operations = Pattern.compile("(?m)^seeder\\s+delta operations\\s+([0-9.,]+)/s")
                                .matcher(live.output());
                        assertThat(operations.find()).as(live.output()).isTrue();
                        assertThat(Double.parseDouble(operations.group(1).replace(",", "")))
                                .isPositive();
                    });
        });
        Result refused = platform.platform("metrics", "--interval", "0s");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.output()).contains("'0s' is not a positive duration");
    }

    /**
     * One scrape, at most 15 s from connecting to the last byte; a scrape that takes longer is a failed attempt naming
     * the endpoint (Prometheus too gives up on a scrape and asks again), not a wait without end.
     */
    private static String scrape(String url) throws Exception {
        // The request's own timeout would bound only the wait for the answer's headers.
        CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(
                // As Prometheus asks for the classic text format (Quarkus would answer OpenMetrics otherwise).
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/plain; version=0.0.4")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = answer.get(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new AssertionError(url + " did not answer within 15 s", e);
        } catch (ExecutionException e) {
            throw new AssertionError(url + " failed: " + e.getCause(), e.getCause());
        }
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(url)
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        return response.body();
    }
}
