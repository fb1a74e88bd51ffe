package dev.storefront.evolution.scenario;

import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.PlatformVariable;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * A scenario's migrations through Flyway, with a history of their own: table {@code evolution.<scenario>} (dashes as
 * underscores). The storefront's own migrations keep {@code public.flyway_schema_history}, so `./platform up` still
 * validates after a scenario, and a future main migration never collides with a scenario's version. The scenario's
 * SQL names its tables with their schema ({@code public.orders}): Flyway runs it with schema evolution first on the
 * search path.
 */
public final class ScenarioMigration {

    /** The schema of the scenarios' history tables, away from the captured tables and the publication. */
    public static final String HISTORY_SCHEMA = "evolution";

    private final Scenario scenario;
    private final Map<String, String> placeholders;
    private final Flyway flyway;

    public ScenarioMigration(Scenario scenario, PlatformEndpoints endpoints) {
        this.scenario = scenario;
        // The main migrations' placeholder for the publication, so that a scenario may add a table to it.
        this.placeholders =
                Map.of("debezium_publication", endpoints.env().require(PlatformVariable.DEBEZIUM_PUBLICATION));
        this.flyway = Flyway.configure()
                .dataSource(
                        endpoints.storefrontJdbcUrl(),
                        endpoints.env().require(PlatformVariable.POSTGRES_USER),
                        endpoints.env().require(PlatformVariable.POSTGRES_PASSWORD))
                .locations("classpath:" + scenario.location())
                .schemas(HISTORY_SCHEMA)
                .table(historyTable())
                // Schema evolution holds the other scenarios' histories: Flyway would take it for a database it
                // must baseline first. A baseline below V1 starts this history without skipping any migration.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(placeholders)
                .load();
    }

    public String historyTable() {
        return scenario.name().replace('-', '_');
    }

    /** The scenario's SQL as Flyway runs it: its placeholders ({@code ${debezium_publication}}) replaced. */
    public String sql() {
        String sql = scenario.sql();
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            sql = sql.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
        }
        return sql;
    }

    /** Whether every migration of the scenario is applied already. */
    public boolean applied() {
        MigrationInfo[] pending = flyway.info().pending();
        return pending.length == 0;
    }

    /** Applies what is pending; the number of migrations applied. */
    public int apply() {
        return flyway.migrate().migrationsExecuted;
    }
}
