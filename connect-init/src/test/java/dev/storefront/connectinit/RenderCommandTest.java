package dev.storefront.connectinit;

import static dev.storefront.connectinit.CliFixture.SECRET;
import static dev.storefront.connectinit.CliFixture.SOURCE;
import static dev.storefront.connectinit.CliFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.connectinit.CliFixture.Result;
import dev.storefront.connectinit.secret.JsonMasker;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    @TempDir
    Path dir;

    @Test
    void rendersFromDotEnvWithTheEnvironmentWinning() throws Exception {
        CliFixture cli = new CliFixture(dir);
        cli.environment.put("POSTGRES_HOST", "from-environment");

        Result result = cli.run("render", SOURCE);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        JsonNode config = Json.MAPPER.readTree(result.out()).path("config");
        assertThat(config.path("database.hostname").asText()).isEqualTo("from-environment");
        assertThat(config.path("database.port").asText()).isEqualTo("5432");
        assertThat(config.path("topic.prefix").asText()).isEqualTo("shop");
    }

    @Test
    void masksSecretKeys() throws Exception {
        CliFixture cli = new CliFixture(dir).template("api-sink", """
                {"name": "api-sink", "config": {
                  "connector.class": "com.example.HttpSink",
                  "http.auth.bearer.token": "literal-in-template",
                  "header.x-api": "${env:API_TOKEN}",
                  "topics": "shop.public.orders"}}""");

        Result result = cli.run("render", "api-sink");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        JsonNode config = Json.MAPPER.readTree(result.out()).path("config");
        assertThat(config.path("http.auth.bearer.token").asText()).isEqualTo(JsonMasker.MASK);
        assertThat(config.path("topics").asText()).isEqualTo("shop.public.orders");
        assertThat(result.all()).doesNotContain("literal-in-template");
    }

    @Test
    void aTemplateThatWouldPutASecretIntoConnectsConfigIsRefusedByName() {
        CliFixture cli = new CliFixture(dir).template("api-sink", """
                {"name": "api-sink", "config": {
                  "connector.class": "com.example.HttpSink",
                  "header.x-api": "${API_TOKEN}",
                  "url": "https://api.example/hook?key=${DEBEZIUM_PASSWORD}"}}""");

        Result result = cli.run("render", "api-sink");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(result.err())
                .contains("config \"header.x-api\" would put the secret API_TOKEN into Connect's config")
                .contains("write ${env:API_TOKEN}")
                .contains("config \"url\" would put the secret DEBEZIUM_PASSWORD into Connect's config");
        assertThat(result.all()).doesNotContain(SECRET, TOKEN);
    }

    @Test
    void rendersEveryTemplateWhenNoneIsNamed() {
        CliFixture cli = new CliFixture(dir).template("second", """
                {"name": "second", "config": {"connector.class": "X"}}""");

        Result result = cli.run("render");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("\"name\" : \"" + SOURCE + "\"", "\"name\" : \"second\"");
        assertThat(result.out())
                .contains("\"database.password\" : \"" + JsonMasker.MASK + "\"")
                .doesNotContain(SECRET);
    }

    @Test
    void missingEnvFileIsAConfigError() {
        CliFixture cli = new CliFixture(dir);

        Result result = CliFixture.runRaw(
                cli.environment,
                "--env-file",
                dir.resolve("absent.env").toString(),
                "--connectors-dir",
                cli.connectorsDir.toString(),
                "render");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(result.err()).contains("No .env file at");
    }
}
