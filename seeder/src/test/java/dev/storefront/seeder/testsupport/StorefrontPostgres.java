package dev.storefront.seeder.testsupport;

import dev.storefront.contract.PlatformEnv;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The one test resource of the module (every @QuarkusTest and @QuarkusIntegrationTest gets it): a real
 * PostgreSQL from zonky's embedded binaries, configured for logical decoding, with the storefront database
 * created, answered as the root .env's variables with host and port pointing at it.
 */
@QuarkusTestResource(StorefrontPostgres.class)
public class StorefrontPostgres implements QuarkusTestResourceLifecycleManager {

    private static final String ZONKY_SUPERUSER = "postgres";

    private EmbeddedPostgres postgres;
    private Path secretsFile;

    @Override
    public Map<String, String> start() {
        Map<String, String> env = new LinkedHashMap<>(PlatformEnv.readFile(Path.of("../.env")));
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "10")
                    .setServerConfig("max_wal_senders", "10")
                    // zonky turns these off for speed; CDC tests need commits that are really committed.
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            prepare(env);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the embedded PostgreSQL: " + e.getMessage(), e);
        }
        env.put("POSTGRES_HOST", "localhost");
        env.put("POSTGRES_PORT", String.valueOf(postgres.getPort()));
        return withSecretsInAFile(env);
    }

    /**
     * The config with its secrets moved to a file that {@code quarkus.config.locations} names: Quarkus starts the
     * packaged app of a {@code @QuarkusIntegrationTest} with every returned property as {@code -D} on a command line
     * it prints, so a secret returned as a property would end up in the build log.
     */
    private Map<String, String> withSecretsInAFile(Map<String, String> env) {
        Properties secrets = new Properties();
        env.keySet().removeIf(name -> {
            boolean secret = PlatformEnv.isSecret(name);
            if (secret) {
                secrets.setProperty(name, env.get(name));
            }
            return secret;
        });
        try {
            secretsFile = Files.createTempFile("storefront-test-secrets", ".properties");
            try (Writer out = Files.newBufferedWriter(secretsFile)) {
                secrets.store(out, "secrets of the seeder's tests, deleted when they end");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test secrets file", e);
        }
        env.put("quarkus.config.locations", secretsFile.toUri().toString());
        return env;
    }

    @Override
    public void stop() {
        if (secretsFile != null) {
            try {
                Files.deleteIfExists(secretsFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Creates the .env's database (and superuser, if not zonky's own), and makes every other role log in
     * with its password: zonky trusts everyone, which would let a test "log in" with any password.
     */
    private void prepare(Map<String, String> env) throws SQLException, IOException {
        String user = env.get("POSTGRES_USER");
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!ZONKY_SUPERUSER.equals(user)) {
                statement.execute("CREATE ROLE \"" + user + "\" SUPERUSER LOGIN PASSWORD '"
                        + env.get("POSTGRES_PASSWORD").replace("'", "''") + "'");
            }
            statement.execute("CREATE DATABASE \"" + env.get("POSTGRES_DB") + "\" OWNER \"" + user + "\"");
            try (ResultSet rs = statement.executeQuery("SHOW hba_file")) {
                rs.next();
                Files.writeString(
                        Path.of(rs.getString(1)),
                        String.join(
                                "\n",
                                "local all all trust",
                                "host all " + ZONKY_SUPERUSER + ",\"" + user + "\" 127.0.0.1/32 trust",
                                "host all " + ZONKY_SUPERUSER + ",\"" + user + "\" ::1/128 trust",
                                "host all all 127.0.0.1/32 scram-sha-256",
                                "host all all ::1/128 scram-sha-256",
                                "host replication all 127.0.0.1/32 scram-sha-256",
                                ""));
            }
            statement.execute("SELECT pg_reload_conf()");
        }
    }
}
