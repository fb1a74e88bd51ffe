package dev.storefront.flinksql.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.sql.SqlOutputs;
import dev.storefront.flinksql.script.SqlScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog and the shipped jobs write where verify reads ({@link SqlOutputs}), and parse into statements. */
class ShippedJobsTest {

    private static final Path JOBS = Path.of("jobs");
    private static final PlatformEnv ENV = PlatformEnv.load(Path.of("../.env"), java.util.Map.of());

    @Test
    void theCatalogDeclaresTheTopicsVerifyReads() {
        String catalog = PlatformCatalog.render(ENV);
        SqlOutputs outputs = new SqlOutputs(ENV.require("TOPIC_PREFIX"));

        assertThat(catalog)
                .contains("'topic' = '" + outputs.factsTopic() + "'")
                .contains("'topic' = '" + outputs.revenueTopic() + "'")
                .contains("'topic' = '" + outputs.orderOutputTopic() + "'")
                .doesNotContain(ENV.require("POSTGRES_PASSWORD"));
    }

    @Test
    void theShippedJobsAreTheFilesVerifyKnowsAndEachInserts() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(JOBS)) {
            files = listed.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }

        assertThat(files)
                .extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(SqlOutputs.JOB_FILES);
        for (Path file : files) {
            assertThat(SqlScript.parse(Files.readString(file)))
                    .as(file.toString())
                    .extracting(SqlScript.Statement::keyword)
                    .contains("INSERT");
        }
        assertThat(Files.readString(JOBS.resolve(SqlOutputs.REVENUE_JOB)))
                .contains("'table-name' = '" + SqlOutputs.REVENUE_TABLE + "'")
                .contains("'password' = '${POSTGRES_PASSWORD}'");
    }
}
