package dev.storefront.connectinit.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.connectinit.CliFailure;
import dev.storefront.connectinit.ExitCode;
import dev.storefront.contract.PlatformEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRendererTest {

    @TempDir
    Path dir;

    private TemplateRenderer renderer(Map<String, String> environment, Map<String, String> templates) throws Exception {
        Path envFile = dir.resolve(".env");
        Files.writeString(envFile, "HOST=file-host\nPORT=5432\nPASSWORD=p4ss\n");
        for (Map.Entry<String, String> template : templates.entrySet()) {
            Files.writeString(dir.resolve(template.getKey() + ".template.json"), template.getValue());
        }
        return new TemplateRenderer(PlatformEnv.load(envFile, environment), TemplateCatalog.scan(dir));
    }

    private static String template(String name, String config) {
        return "{\"name\": \"" + name + "\", \"config\": {\"connector.class\": \"X\", " + config + "}}";
    }

    @Test
    void fillsPlaceholdersFromDotEnvWithTheEnvironmentWinning() throws Exception {
        TemplateRenderer renderer = renderer(
                Map.of("HOST", "env-host"),
                Map.of("a", template("a", "\"url\": \"${HOST}:${PORT}\", \"tasks.max\": 1, \"flag\": true")));

        RenderedConnector connector = renderer.render(List.of("a")).get(0);

        assertThat(connector.config())
                .containsEntry("url", "env-host:5432")
                .containsEntry("tasks.max", "1")
                .containsEntry("flag", "true");
        assertThat(connector.configWithName()).containsEntry("name", "a");
    }

    @Test
    void listsAllUndefinedVariablesOfAllTemplatesAtOnce() throws Exception {
        TemplateRenderer renderer = renderer(
                Map.of(),
                Map.of(
                        "a", template("a", "\"x\": \"${NOPE_1}/${NOPE_2}\", \"y\": \"${NOPE_1}${HOST}\""),
                        "b", template("b", "\"z\": \"${NOPE_3}\"")));

        assertThatThrownBy(() -> renderer.render(List.of("a", "b")))
                .isInstanceOfSatisfying(
                        CliFailure.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG))
                .hasMessageContaining("a.template.json:\n  undefined variables: NOPE_1, NOPE_2 (define them")
                .hasMessageContaining("b.template.json:\n  undefined variables: NOPE_3");
    }

    @Test
    void reportsInvalidJsonWithItsLocation() throws Exception {
        TemplateRenderer renderer = renderer(Map.of(), Map.of("a", "{\"name\": \"a\",\n \"config\": {\"x\" \"y\"}}"));

        assertThatThrownBy(() -> renderer.render(List.of("a")))
                .hasMessageContaining("a.template.json:\n  invalid JSON: ")
                .hasMessageContaining("(line 2, column");
    }

    @Test
    void reportsDuplicateKeys() throws Exception {
        TemplateRenderer renderer = renderer(Map.of(), Map.of("a", template("a", "\"x\": \"1\", \"x\": \"2\"")));

        assertThatThrownBy(() -> renderer.render(List.of("a"))).hasMessageContaining("Duplicate field 'x'");
    }

    @Test
    void reportsNameMismatchesAndShapeProblemsTogether() throws Exception {
        TemplateRenderer renderer = renderer(
                Map.of(),
                Map.of("a", "{\"name\": \"b\", \"extra\": 1, \"config\": {\"name\": \"c\", \"nested\": {}}}"));

        assertThatThrownBy(() -> renderer.render(List.of("a")))
                .hasMessageContaining("\"name\" is \"b\" but the file name says \"a\"")
                .hasMessageContaining("unexpected key \"extra\"")
                .hasMessageContaining("config \"nested\" must be a string, number or boolean")
                .hasMessageContaining("config has no \"connector.class\"")
                .hasMessageContaining("config \"name\" is \"c\" but the connector is \"a\"");
    }

    @Test
    void valuesAreTakenLiterallyAndDefaultsEscapesAndConfigProviderReferencesWork() throws Exception {
        TemplateRenderer renderer = renderer(
                Map.of("WORD", "a${HOST}b"),
                Map.of(
                        "a",
                        template(
                                "a",
                                "\"p\": \"${WORD}\", \"escaped\": \"$${HOST}\", \"d\": \"${NOPE:-x}\","
                                        + " \"secret\": \"${env:DEBEZIUM_PASSWORD}\"")));

        RenderedConnector connector = renderer.render(List.of("a")).get(0);

        assertThat(connector.config())
                .containsEntry("p", "a${HOST}b")
                .containsEntry("escaped", "${HOST}")
                .containsEntry("d", "x")
                .containsEntry("secret", "${env:DEBEZIUM_PASSWORD}");
    }
}
