package dev.storefront.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The notebook's fixture (jupyter/fixtures/bench-report.synthetic.json, synthetic numbers) has exactly the fields of a
 * report the benchmark writes, so the notebook's check on it holds for real reports. After a change of the report,
 * write the fixture again from {@link MarkdownReportTest#sample()} ({@code ReportWriter.json}) and raise
 * {@link BenchReport#FORMAT} if the notebook reads a changed field.
 */
class BenchReportFormatTest {

    static final Path FIXTURE = Path.of("../jupyter/fixtures/bench-report.synthetic.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theNotebooksFixtureHasTheFieldsOfAWrittenReport() throws IOException {
        JsonNode written = JSON.readTree(ReportWriter.json(MarkdownReportTest.sample()));
        JsonNode fixture = JSON.readTree(FIXTURE.toFile());

        assertThat(fixture.path("format").asText()).isEqualTo(BenchReport.FORMAT);
        assertThat(paths(fixture, "", new TreeSet<>())).isEqualTo(paths(written, "", new TreeSet<>()));
        assertThat(fixture.path("latency")).isNotEmpty();
    }

    /** Every field path of the tree, arrays' elements merged ("latency[].stage"). */
    private static Set<String> paths(JsonNode node, String at, Set<String> paths) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String path = at + "." + field.getKey();
                paths.add(path);
                paths(field.getValue(), path, paths);
            });
        } else if (node.isArray()) {
            node.forEach(element -> paths(element, at + "[]", paths));
        }
        return paths;
    }
}
