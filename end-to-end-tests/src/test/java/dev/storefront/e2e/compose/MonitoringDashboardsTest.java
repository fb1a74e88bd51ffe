package dev.storefront.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.storefront.contract.metrics.PlatformSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The monitoring profile checked without Docker: Prometheus scrapes every /metrics endpoint of the platform, the
 * dashboards are valid JSON on the provisioned datasource, and every query names a series of {@link PlatformSeries}
 * (which MetricsEndpointsIT finds on the running platform) while every such series is on a dashboard.
 */
class MonitoringDashboardsTest {

    /** A metric name in a PromQL expression: the dashboards write every one as a selector, name{...}. */
    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ComposeFiles compose = ComposeFiles.load();
    private final Path monitoring = compose.root.resolve("compose/monitoring");

    @Test
    void everyServiceIsInTheMonitoringProfile() {
        JsonNode services = compose.layers.get("monitoring").path("services");
        assertThat(services.size()).isEqualTo(2);
        services.forEach(
                service -> assertThat(service.path("profiles").toString()).isEqualTo("[\"monitoring\"]"));
    }

    @Test
    void prometheusScrapesEveryMetricsEndpointOfThePlatform() throws IOException {
        JsonNode config =
                YAML.readTree(monitoring.resolve("prometheus.template.yml").toFile());
        Set<String> jobs = new TreeSet<>();
        config.path("scrape_configs")
                .forEach(job -> jobs.add(job.path("job_name").asText()));
        assertThat(jobs)
                .isEqualTo(Arrays.stream(PlatformSeries.Source.values())
                        .map(PlatformSeries.Source::component)
                        .collect(Collectors.toCollection(TreeSet::new)));
        // Every port it fills in is rendered by its entrypoint and handed to the container by the compose file.
        String script = Files.readString(monitoring.resolve("start-prometheus.sh"));
        Matcher port = Pattern.compile("\\$\\{([A-Z_]+)}")
                .matcher(Files.readString(monitoring.resolve("prometheus.template.yml")));
        while (port.find()) {
            assertThat(script)
                    .as("start-prometheus.sh renders " + port.group(1))
                    .contains(port.group(1));
            assertThat(compose.service("prometheus").environment()).containsKey(port.group(1));
        }
    }

    @Test
    void everyDashboardQueriesOnlyPlatformSeriesAndShowsThemAll() throws IOException {
        Set<String> platformSeries = Arrays.stream(PlatformSeries.values())
                .map(s -> s.selector().name())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> queried = new TreeSet<>();
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(monitoring.resolve("grafana/dashboards"))) {
            dashboards =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).isNotEmpty();
        for (Path file : dashboards) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            assertThat(dashboard.path("uid").asText()).as(file + " uid").isNotBlank();
            assertThat(dashboard.path("title").asText()).as(file + " title").isNotBlank();
            for (JsonNode panel : panels(dashboard)) {
                String title = file.getFileName() + ": " + panel.path("title").asText();
                assertThat(panel.path("datasource").path("uid").asText())
                        .as(title + " datasource")
                        .isEqualTo("storefront-prometheus");
                assertThat(panel.path("targets")).as(title + " queries").isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    Matcher metric = METRIC.matcher(expr);
                    int metrics = 0;
                    while (metric.find()) {
                        metrics++;
                        assertThat(platformSeries)
                                .as(title + ": " + expr + " names a series of PlatformSeries")
                                .contains(metric.group(1));
                        queried.add(metric.group(1));
                    }
                    assertThat(metrics).as(title + ": a series in " + expr).isPositive();
                }
            }
        }
        assertThat(queried).as("the series on the dashboards").isEqualTo(platformSeries);
    }

    @Test
    void grafanaIsProvisionedWithThePrometheusTheDashboardsUse() throws IOException {
        JsonNode datasource = YAML.readTree(monitoring
                        .resolve("grafana/provisioning/datasources/prometheus.yaml")
                        .toFile())
                .path("datasources")
                .get(0);
        assertThat(datasource.path("uid").asText()).isEqualTo("storefront-prometheus");
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:${PROMETHEUS_PORT}");
        assertThat(compose.service("grafana").environment()).containsKey("PROMETHEUS_PORT");
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            if (!panel.path("type").asText().equals("row")) {
                panels.add(panel);
            }
        });
        return panels;
    }
}
