package dev.storefront.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.console.metrics.MetricsSummary.Row;
import dev.storefront.console.metrics.MetricsSummary.Scrape;
import dev.storefront.contract.metrics.PlatformSeries.Source;
import dev.storefront.contract.metrics.PrometheusText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsSummaryTest {

    private static Scrape seeder(double operations) {
        return Scrape.of(PrometheusText.parse("""
                seeder_delta_operations_total{operation="new_order"} %s
                seeder_delta_operations_total{operation="payment"} 0
                jvm_memory_used_bytes{area="heap",id="eden"} 10485760
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 99999999
                """.formatted(operations)));
    }

    @Test
    void countersBecomeRatesBetweenTwoScrapesAndLevelsStayAsTheyAre() {
        List<Row> rows =
                MetricsSummary.rows(Map.of(Source.SEEDER, seeder(100)), Map.of(Source.SEEDER, seeder(300)), 2.0);

        assertThat(rows)
                .contains(
                        new Row("seeder", "delta operations", "100/s (total 300)"),
                        new Row("seeder", "heap used", "10.0 MiB"));
    }

    @Test
    void aSingleScrapeShowsCountersAsTotals() {
        assertThat(MetricsSummary.rows(null, Map.of(Source.SEEDER, seeder(42)), 0))
                .contains(new Row("seeder", "delta operations", "total 42"));
    }

    @Test
    void anUnreachableEndpointSaysWhyAndASeriesItLacksShowsADash() {
        List<Row> rows = MetricsSummary.rows(
                null,
                Map.of(
                        Source.KAFKA,
                        Scrape.failed("http://localhost:9404/metrics: Connection refused"),
                        Source.PIPELINE,
                        Scrape.of(List.of())),
                0);

        assertThat(rows)
                .contains(
                        new Row("kafka", "unreachable", "http://localhost:9404/metrics: Connection refused"),
                        new Row("connect", "unreachable", "not scraped"),
                        new Row("pipeline", "records processed", "-"));
    }
}
