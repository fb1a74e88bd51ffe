package dev.storefront.connectinit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The shared setup of the CLI tests: a temporary .env and connectors folder, a fake process environment,
 * and a run of the CLI capturing its output and exit code.
 */
final class CliFixture {

    static final String SECRET = "s3cr3t-Pa55";
    static final String TOKEN = "tok-123456";
    static final String SOURCE = "shop-source";
    static final String SOURCE_TEMPLATE = """
            {
              "name": "shop-source",
              "config": {
                "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                "database.hostname": "${POSTGRES_HOST}",
                "database.port": "${POSTGRES_PORT}",
                "database.dbname": "${POSTGRES_DB}",
                "database.user": "${DEBEZIUM_USER}",
                "database.password": "${env:DEBEZIUM_PASSWORD}",
                "topic.prefix": "${TOPIC_PREFIX}",
                "slot.name": "shop_slot"
              }
            }
            """;

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    final Path envFile;
    final Path connectorsDir;
    final Map<String, String> environment = new HashMap<>();
    String connectUrl = "http://127.0.0.1:1";
    String timeout = "5s";
    /** Short, so the tests do not sit out the 3 s default; the waits' logic is the same. */
    String settle = "600ms";

    CliFixture(Path dir) {
        envFile = dir.resolve(".env");
        connectorsDir = dir.resolve("connectors");
        try {
            Files.createDirectories(connectorsDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env("""
                # test platform
                POSTGRES_HOST=db.example
                POSTGRES_PORT=5432
                POSTGRES_DB=shop
                POSTGRES_USER=postgres
                POSTGRES_PASSWORD=%s
                DEBEZIUM_USER=cdc
                DEBEZIUM_PASSWORD=%s
                API_TOKEN=%s
                TOPIC_PREFIX=shop
                CONNECT_HOST=127.0.0.1
                CONNECT_PORT=1
                """.formatted(SECRET + "-admin", SECRET, TOKEN));
        template(SOURCE, SOURCE_TEMPLATE);
    }

    CliFixture env(String content) {
        write(envFile, content);
        return this;
    }

    CliFixture template(String name, String json) {
        write(connectorsDir.resolve(name + ".template.json"), json);
        return this;
    }

    CliFixture connect(FakeConnect connect) {
        connectUrl = connect.url();
        return this;
    }

    /** Runs the CLI with the fixture's global options first, then {@code args}. */
    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--env-file",
                envFile.toString(),
                "--connectors-dir",
                connectorsDir.toString(),
                "--connect-url",
                connectUrl,
                "--timeout",
                timeout,
                "--settle",
                settle));
        all.addAll(List.of(args));
        return runRaw(environment, all.toArray(String[]::new));
    }

    /** Runs the CLI with exactly {@code args}. */
    static Result runRaw(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ConnectInit.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
