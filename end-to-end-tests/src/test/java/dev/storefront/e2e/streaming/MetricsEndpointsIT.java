package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import dev.storefront.e2e.support.SeederClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Prometheus endpoints of the running platform, scraped after deltas ran: each serves its named series with values
 * that counted the work (the seeder's operations, the pipeline's processed records), not just a page of zeros.
 */
@Order(8)
@ExtendWith(LocalPlatformExtension.class)
class MetricsEndpointsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void seederAndPipelineCountTheDeltasTheyHandled(LocalPlatform platform) {
        SeederClient seeder = new SeederClient(platform);
        seeder.startDeltas(50);
        try {
            await("the deltas counted by the seeder and processed by the pipeline")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        String seederMetrics = scrape(platform.endpoints().seederMetricsUrl());
                        assertThat(sum(seederMetrics, "seeder_delta_operations_total"))
                                .as("seeder_delta_operations_total")
                                .isPositive();
                        assertThat(sum(seederMetrics, "jvm_memory_used_bytes")).isPositive();
                        String pipelineMetrics = scrape(platform.endpoints().pipelineMetricsUrl());
                        assertThat(sum(pipelineMetrics, "kafka_stream_thread_process_total"))
                                .as("kafka_stream_thread_process_total")
                                .isPositive();
                        assertThat(sum(pipelineMetrics, "kafka_stream_thread_process_rate"))
                                .isPositive();
                        assertThat(sum(pipelineMetrics, "jvm_memory_used_bytes"))
                                .isPositive();
                    });
        } finally {
            seeder.stopDeltas();
        }
    }

    private static String scrape(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(
                // As Prometheus asks for the classic text format (Quarkus would answer OpenMetrics otherwise).
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/plain; version=0.0.4")
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(url)
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        return response.body();
    }

    /** The sum of every sample of {@code series} (any labels) in Prometheus text; fails when there is none. */
    private static double sum(String text, String series) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(series) + "(\\{[^}]*})? (\\S+)", Pattern.MULTILINE)
                .matcher(text);
        double sum = 0;
        int samples = 0;
        while (sample.find()) {
            samples++;
            sum += Double.parseDouble(sample.group(2));
        }
        assertThat(samples)
                .as(series + " in:\n" + text.substring(0, Math.min(3000, text.length())))
                .isPositive();
        return sum;
    }
}
