package dev.storefront.flinksql.client;

import dev.storefront.contract.PlatformEnv;
import dev.storefront.flinksql.submit.PlatformCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.table.client.SqlClient;

/**
 * Flink's own SQL client (multi-line statements, history, completion) in embedded mode on the SQL layer's cluster,
 * the platform's catalog declared first. Flink reads the cluster's address from the {@code config.yaml} in
 * {@code FLINK_CONF_DIR}, which the cluster writes ({@link ClientConfiguration}).
 */
public final class InteractiveSession {

    private InteractiveSession() {}

    public static int run(PlatformEnv env, Path workDir) throws IOException {
        String confDir = System.getenv("FLINK_CONF_DIR");
        if (confDir == null || !Files.isRegularFile(Path.of(confDir, ClientConfiguration.FILE))) {
            System.err.println("flink-sql client: FLINK_CONF_DIR must name the folder of the cluster's "
                    + ClientConfiguration.FILE + " (the cluster writes it; `./platform sql` sets it)");
            return 3;
        }
        Files.createDirectories(workDir);
        Path catalog = workDir.resolve("catalog.sql");
        Files.writeString(catalog, PlatformCatalog.render(env), StandardCharsets.UTF_8);
        SqlClient.main(new String[] {
            "--init",
            catalog.toString(),
            "--history",
            workDir.resolve("history").toString()
        });
        return 0;
    }
}
