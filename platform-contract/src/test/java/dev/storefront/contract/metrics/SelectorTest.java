package dev.storefront.contract.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorTest {

    /** A broker's scrape, shortened: a total beside its per-topic series, a comment, escaped label values. */
    private static final String SCRAPE = """
            # HELP kafka_server_brokertopicmetrics_count Attribute exposed for management
            # TYPE kafka_server_brokertopicmetrics_count untyped
            kafka_server_brokertopicmetrics_count{name="MessagesInPerSec",} 1500.0
            kafka_server_brokertopicmetrics_count{name="MessagesInPerSec",topic="storefront.public.orders",} 1000.0
            kafka_server_brokertopicmetrics_count{name="MessagesInPerSec",topic="storefront.message",} 500.0
            kafka_server_brokertopicmetrics_count{name="BytesInPerSec",} 9.5E5
            jvm_memory_used_bytes{area="heap"} 1.2345E8 1700000000000
            odd{path="a \\"quoted\\" \\\\ value"} NaN
            up 1
            """;

    private final List<PrometheusText.Sample> samples = PrometheusText.parse(SCRAPE);

    @Test
    void parsesEverySampleWithItsLabelsAndSkipsComments() {
        assertThat(samples).hasSize(7);
        assertThat(samples.get(1).labels())
                .isEqualTo(Map.of("name", "MessagesInPerSec", "topic", "storefront.public.orders"));
        assertThat(samples.get(4).value()).isEqualTo(1.2345E8);
        assertThat(samples.get(5).labels()).containsEntry("path", "a \"quoted\" \\ value");
        assertThat(samples.get(5).value()).isNaN();
        assertThat(samples.get(6)).isEqualTo(new PrometheusText.Sample("up", Map.of(), 1));
    }

    @Test
    void anEmptyMatcherSelectsTheSamplesWithoutThatLabelAsInPromQl() {
        assertThat(Selector.parse("kafka_server_brokertopicmetrics_count{name=\"MessagesInPerSec\",topic=\"\"}")
                        .sum(samples))
                .isEqualTo(1500.0);
        assertThat(Selector.parse("kafka_server_brokertopicmetrics_count{name=\"MessagesInPerSec\"}")
                        .sum(samples))
                .as("every sample of the name, the per-topic ones included")
                .isEqualTo(3000.0);
        assertThat(Selector.parse("jvm_memory_used_bytes").sum(samples)).isEqualTo(1.2345E8);
        assertThat(Selector.parse("absent_series").sum(samples)).isNaN();
    }

    @Test
    void aSelectorOutsideTheSupportedFormIsRefusedNamingIt() {
        assertThatThrownBy(() -> Selector.parse("rate(x[1m])"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rate(x[1m])");
        assertThatThrownBy(() -> PrometheusText.parse("x{a=\"1\"} many")).hasMessageContaining("x{a=\"1\"} many");
    }

    @Test
    void everyPlatformSeriesHasAValidSelector() {
        for (PlatformSeries series : PlatformSeries.values()) {
            assertThat(series.selector().name()).as(series.name()).matches("[a-z_:][a-z0-9_:]*");
        }
    }
}
