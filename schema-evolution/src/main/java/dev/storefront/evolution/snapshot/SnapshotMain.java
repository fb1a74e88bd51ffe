package dev.storefront.evolution.snapshot;

import dev.storefront.contract.CdcHistory;
import dev.storefront.contract.CdcTopicNames;
import dev.storefront.contract.ClosestName;
import dev.storefront.contract.DebeziumSignals;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.StorefrontTables;
import dev.storefront.contract.run.IsolatedPlatform;
import dev.storefront.evolution.SchemaEvolutionMain;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "snapshot",
        mixinStandardHelpOptions = true,
        description = {
            "Re-reads one captured table while Debezium streams (an incremental snapshot): inserts an execute-snapshot"
                    + " signal into Debezium's signal table. Debezium reads the table in chunks of 1,024 rows, each"
                    + " row arrives on the table's topic as a read (op r) with its current values, the history table"
                    + " records it, and changes that stream meanwhile win over what a chunk read. Use it after a"
                    + " schema change (the history then holds every row in the new shape) or to repair a consumer.",
            "Watch it arrive: ./platform tail <prefix>.public.TABLE --follow"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the signal was sent",
            "2:bad command line (a table that is not captured, a condition PostgreSQL refuses): nothing sent",
            "3:PostgreSQL is not reachable: nothing sent"
        })
public final class SnapshotMain implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TABLE", description = "A captured table of schema public, e.g. orders.")
    String table;

    @Option(
            names = "--where",
            paramLabel = "SQL",
            description = "Re-read only the rows matching this condition, e.g. \"id > 1000\" (Debezium adds it to each"
                    + " chunk's query; it is tried first, read-only).")
    String where;

    @Option(names = "--home", description = "Repository root with .env (default: ${DEFAULT-VALUE}).")
    Path home = Path.of(".");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        IsolatedPlatform platform = IsolatedPlatform.attach(home);
        try (Connection storefront =
                platform.endpoints().openDatabase(platform.env().require(PlatformVariable.POSTGRES_DB))) {
            List<String> captured = StorefrontTables.captured(
                    storefront, platform.env().require(PlatformVariable.DEBEZIUM_PUBLICATION));
            if (!captured.contains(table)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "TABLE " + table + " is not a captured table" + ClosestName.suggestion(table, captured)
                                + "; one of: " + String.join(", ", captured));
            }
            long rows = matching(storefront);
            String id = DebeziumSignals.executeSnapshot(storefront, table, Optional.ofNullable(where));
            out.println("Signal " + id + " sent (" + DebeziumSignals.TABLE + "): Debezium re-reads " + rows + " row(s)"
                    + " of public." + table + (where == null ? "" : " where " + where) + " while it streams.");
            out.println("Each arrives on " + CdcTopicNames.of(platform.env()).table(table) + " as op r; "
                    + CdcHistory.table(table) + " records it.");
            return 0;
        } catch (SQLException e) {
            return SchemaEvolutionMain.postgresUnreachable(spec, e);
        }
    }

    /** The rows the snapshot reads now, counted read-only: a condition PostgreSQL refuses is a usage error. */
    private long matching(Connection storefront) throws SQLException {
        String sql = "SELECT count(*) FROM public.\"" + table + "\"" + (where == null ? "" : " WHERE " + where);
        storefront.setAutoCommit(false);
        try (Statement statement = storefront.createStatement()) {
            statement.execute("SET TRANSACTION READ ONLY");
            try (ResultSet count = statement.executeQuery(sql)) {
                count.next();
                return count.getLong(1);
            } catch (SQLException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--where " + where + ": PostgreSQL refuses it (" + e.getMessage() + "); nothing was sent");
            }
        } finally {
            storefront.rollback();
            storefront.setAutoCommit(true);
        }
    }
}
