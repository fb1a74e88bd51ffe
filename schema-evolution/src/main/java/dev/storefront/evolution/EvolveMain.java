package dev.storefront.evolution;

import dev.storefront.contract.CdcTopicNames;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.registry.SchemaCompatibility;
import dev.storefront.contract.run.IsolatedPlatform;
import dev.storefront.evolution.preflight.Finding;
import dev.storefront.evolution.preflight.PreFlight;
import dev.storefront.evolution.scenario.Scenario;
import dev.storefront.evolution.scenario.ScenarioMigration;
import dev.storefront.evolution.scenario.Scenarios;
import dev.storefront.evolution.shape.Change;
import dev.storefront.evolution.shape.ShapeDiff;
import dev.storefront.evolution.shape.Shapes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "evolve",
        mixinStandardHelpOptions = true,
        description = {
            "Applies a schema evolution scenario (migrations/scenarios/SCENARIO) to the running platform while it "
                    + "streams. First a pre-flight: the migration runs in a transaction that is rolled back, and the "
                    + "column changes it makes are judged: which outputs and sink tables they touch (from the "
                    + "columns the pipeline reads and the history tables' columns) and whether the registry would "
                    + "accept the schemas Debezium would register. A refused change prints why and changes nothing; "
                    + "otherwise Flyway applies it, with a history table of the scenario's own (evolution.<name>).",
            "--list shows the scenarios."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:applied (or applied before), or --check passed",
            "1:refused by the pre-flight or by PostgreSQL: nothing applied",
            "2:bad command line",
            "3:the platform (PostgreSQL, the registry) is not reachable: nothing applied"
        })
public final class EvolveMain implements Callable<Integer> {

    static final int REFUSED = 1;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "The scenario to apply (see --list).")
    String name;

    @Option(names = "--list", description = "List the scenarios and what each does.")
    boolean list;

    @Option(names = "--check", description = "Run the pre-flight only; apply nothing.")
    boolean check;

    @Option(names = "--home", description = "Repository root with .env (default: ${DEFAULT-VALUE}).")
    Path home = Path.of(".");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Scenarios scenarios = Scenarios.onClasspath();
        if (list || name == null) {
            if (!list) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "Missing SCENARIO; one of: " + String.join(", ", scenarios.names()) + " (--list says more)");
            }
            scenarios.all().forEach(s -> out.println(s.name() + "\n    " + s.description()));
            return 0;
        }
        Scenario scenario = scenarios
                .find(name)
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), scenarios.unknown(name)));
        IsolatedPlatform platform = IsolatedPlatform.attach(home);
        try (Connection storefront =
                        platform.endpoints().openDatabase(platform.env().require(PlatformVariable.POSTGRES_DB));
                Connection analytics =
                        platform.endpoints().openDatabase(platform.env().require(PlatformVariable.ANALYTICS_DB))) {
            return evolve(out, scenario, platform, storefront, analytics);
        } catch (IOException e) {
            spec.commandLine()
                    .getErr()
                    .println("evolve: the registry did not answer (" + e.getMessage() + "); nothing was applied");
            return SchemaEvolutionMain.UNREACHABLE;
        } catch (SQLException e) {
            return SchemaEvolutionMain.postgresUnreachable(spec, e);
        }
    }

    private int evolve(
            PrintWriter out, Scenario scenario, IsolatedPlatform platform, Connection storefront, Connection analytics)
            throws Exception {
        ScenarioMigration migration = new ScenarioMigration(scenario, platform.endpoints());
        out.println("Scenario " + scenario.name() + ": " + scenario.description());
        if (migration.applied()) {
            out.println("Applied before (history " + ScenarioMigration.HISTORY_SCHEMA + "." + migration.historyTable()
                    + "): nothing to do.");
            return 0;
        }
        String publication = platform.env().require(PlatformVariable.DEBEZIUM_PUBLICATION);
        out.println("Pre-flight: the migration in a transaction that is rolled back ...");
        out.flush();
        Shapes before = Shapes.read(storefront, publication);
        Shapes after;
        try {
            after = dryRun(storefront, migration, publication);
        } catch (SQLException e) {
            out.println("REFUSED by PostgreSQL, nothing was applied: " + e.getMessage());
            return REFUSED;
        }
        List<Change> changes = ShapeDiff.between(before, after);
        List<String> newTables = ShapeDiff.newTables(before, after);
        newTables.forEach(table -> out.println("  new captured table " + table));
        changes.forEach(change -> out.println("  " + change.describe()));
        PreFlight preFlight = new PreFlight(
                Shapes.read(analytics, publication),
                CdcTopicNames.of(platform.env()),
                new SchemaCompatibility(platform.endpoints()));
        List<Finding> findings = preFlight.judge(changes, newTables);
        out.println("What it touches:");
        findings.forEach(finding -> out.println("  " + finding));
        if (findings.stream().anyMatch(Finding::refuses)) {
            out.println("REFUSED: nothing was applied (see above).");
            return REFUSED;
        }
        if (check) {
            out.println("The pre-flight passed; nothing was applied (--check).");
            return 0;
        }
        out.println("Applying with Flyway (history " + ScenarioMigration.HISTORY_SCHEMA + "." + migration.historyTable()
                + ") ...");
        out.flush();
        int applied = migration.apply();
        out.println("Applied " + applied + " migration(s) of " + scenario.name()
                + ". Debezium registers the new schemas with each table's next change.");
        return 0;
    }

    /** The shape the scenario's SQL makes, seen inside a transaction that is then rolled back. */
    private static Shapes dryRun(Connection storefront, ScenarioMigration migration, String publication)
            throws SQLException {
        storefront.setAutoCommit(false);
        try (Statement statement = storefront.createStatement()) {
            // DDL waits for the table's lock behind the deltas' transactions: briefly, never for good.
            statement.execute("SET LOCAL lock_timeout = '5s'");
            statement.execute(migration.sql());
            return Shapes.read(storefront, publication);
        } finally {
            storefront.rollback();
            storefront.setAutoCommit(true);
        }
    }
}
