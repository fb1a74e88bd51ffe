package dev.storefront.e2e.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.run.Command;
import dev.storefront.e2e.support.CdcTopics;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import dev.storefront.e2e.support.SeederClient;
import dev.storefront.e2e.support.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notebooks of jupyter/ run headless (Debian's jupyter-nbconvert and python3 packages) against the shared local
 * platform, configured only through the environment like a user's shell, and produce their charts; what they read
 * is reconciled against PostgreSQL.
 */
@Order(50)
@ExtendWith(LocalPlatformExtension.class)
class NotebooksIT {

    private static final String DEBIAN_PACKAGES = "jupyter-nbconvert python3-nbclient python3-ipykernel python3-pandas "
            + "python3-matplotlib python3-psycopg2 python3-requests python3-avro python3-confluent-kafka";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalPlatform platform;
    private static List<String> tables;
    private static List<String> nbconvert;
    private static Path output;

    @BeforeAll
    static void loadDataUntilTopicsAndAnalyticsSinkCaughtUp(LocalPlatform shared) throws Exception {
        platform = shared;
        tables = platform.capturedTables();
        nbconvert = Tools.require(
                DEBIAN_PACKAGES, List.of(List.of("jupyter-nbconvert"), List.of("jupyter", "nbconvert")), "--version");
        Command.Result modules = Command.run(
                platform.root(),
                Map.of(),
                Duration.ofMinutes(1),
                List.of(
                        "/usr/bin/python3",
                        "-c",
                        "import avro, confluent_kafka, matplotlib, pandas, psycopg2, requests, ipykernel, nbclient"));
        assertThat(modules.exitCode())
                .as(
                        "Python modules of the notebooks: install the Debian packages %s\n%s",
                        DEBIAN_PACKAGES, modules.output())
                .isZero();
        output = platform.root().resolve("end-to-end-tests/target/notebooks");
        Files.createDirectories(output);

        new SeederClient(platform).fullLoad(150, 25, 300, 23);
        CdcTopics topics = new CdcTopics(platform);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    for (String table : tables) {
                        if (topics.latestState(table).size() != count(storefrontDb(), table)) {
                            return false;
                        }
                    }
                    return count(platform.env().require(PlatformVariable.ANALYTICS_DB), "revenue_by_category_country")
                            > 0;
                });
    }

    @Test
    void theAnalyticsNotebookFindsTheSinkEqualToPostgresAndChartsIt() throws Exception {
        JsonNode executed = execute(
                "analytics-vs-postgres.ipynb", Map.of("ANALYTICS_STRICT", "1", "ANALYTICS_WAIT_SECONDS", "180"));

        assertThat(executed.toString()).contains("category x country groups, 0 differ between PostgreSQL and the sink");
        assertPng(output.resolve("revenue-by-category.png"));
    }

    @Test
    void theTopicBrowsingNotebookDecodesEveryTableAsPostgresHoldsIt() throws Exception {
        execute("browse-cdc-topics.ipynb", Map.of());

        assertPng(output.resolve("cdc-events-by-table.png"));
        JsonNode summary =
                JSON.readTree(output.resolve("cdc-topic-summary.json").toFile());
        for (String table : tables) {
            assertThat(summary.path(table).path("live_keys").asLong())
                    .as("live keys of %s decoded from its topic vs rows", table)
                    .isEqualTo(count(storefrontDb(), table));
            assertThat(summary.path(table).path("events").asLong())
                    .as("events of %s", table)
                    .isGreaterThanOrEqualTo(
                            summary.path(table).path("live_keys").asLong());
        }
    }

    /**
     * On a labelled synthetic report in the benchmark's format (the benchmark's own tests keep the fixture's shape that
     * of what it writes); CI runs the notebook on the report of its real bench run.
     */
    @Test
    void theBenchmarkNotebookPlotsEveryRecordingOfAReport() throws Exception {
        Path fixture = platform.root().resolve("jupyter/fixtures/bench-report.synthetic.json");

        execute("benchmark-latency.ipynb", Map.of("BENCH_REPORT", fixture.toString()));

        assertPng(output.resolve("latency-cdf.png"));
        assertPng(output.resolve("latency-over-time.png"));
        assertPng(output.resolve("throughput-by-phase.png"));
        JsonNode report = JSON.readTree(fixture.toFile());
        JsonNode summary =
                JSON.readTree(output.resolve("bench-notebook-summary.json").toFile());
        assertThat(summary.path("recordings")).hasSize(report.path("latency").size());
        for (int i = 0; i < report.path("latency").size(); i++) {
            JsonNode recording = report.path("latency").get(i);
            assertThat(summary.path("recordings").get(i).path("count").asLong())
                    .as("samples of %s", recording.path("stage").asText())
                    .isEqualTo(recording.path("percentiles").path("count").asLong());
            assertThat(summary.path("recordings").get(i).path("p99").asLong())
                    .isEqualTo(recording.path("percentiles").path("p99").asLong());
        }
        assertThat(summary.path("throughput_figures").asInt()).isPositive();
    }

    /** Runs a notebook headless with the platform's settings in its environment; fails with its error cell. */
    private static JsonNode execute(String notebook, Map<String, String> extra) throws Exception {
        Map<String, String> environment = new HashMap<>(platform.env().asMap());
        environment.put("NOTEBOOK_OUTPUT_DIR", output.toString());
        // Silences the kernel's debugger warning about frozen modules.
        environment.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        environment.putAll(extra);
        List<String> command = new ArrayList<>(nbconvert);
        command.addAll(List.of(
                "--to",
                "notebook",
                "--execute",
                "--ExecutePreprocessor.timeout=600",
                "--output-dir",
                output.toString(),
                notebook));
        Command.Result result =
                Command.run(platform.root().resolve("jupyter"), environment, Duration.ofMinutes(12), command);
        assertThat(result.exitCode())
                .as("%s failed:\n%s", notebook, platform.env().mask(result.output()))
                .isZero();
        JsonNode executed = JSON.readTree(output.resolve(notebook).toFile());
        assertThat(executed.findValuesAsText("output_type"))
                .as("outputs of %s", notebook)
                .doesNotContain("error");
        return executed;
    }

    private static void assertPng(Path chart) throws Exception {
        assertThat(chart).as("chart").isRegularFile();
        byte[] bytes = Files.readAllBytes(chart);
        assertThat(bytes.length).as("size of %s", chart.getFileName()).isGreaterThan(1000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII))
                .as("PNG signature")
                .isEqualTo("PNG");
    }

    private static String storefrontDb() {
        return platform.env().require(PlatformVariable.POSTGRES_DB);
    }

    private static long count(String database, String table) throws SQLException {
        try (Connection db = platform.database(database);
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // the sink has not created its table yet
            }
            throw e;
        }
    }
}
