package dev.storefront.evolution;

import dev.storefront.evolution.snapshot.SnapshotMain;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** `schema-evolution.jar`: the source changing while the platform streams, run by `./platform evolve|snapshot`. */
@Command(
        name = "schema-evolution",
        mixinStandardHelpOptions = true,
        description = "The source changing while the platform streams: evolve applies a schema evolution scenario,"
                + " snapshot re-reads a table.",
        subcommands = {EvolveMain.class, SnapshotMain.class})
public final class SchemaEvolutionMain implements Runnable {

    /** The exit code of every command when the platform does not answer: nothing was done. */
    public static final int UNREACHABLE = 3;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new SchemaEvolutionMain()).setUsageHelpWidth(100);
    }

    /** Says that PostgreSQL does not answer, for {@code command}; the exit code to return. */
    public static int postgresUnreachable(CommandLine.Model.CommandSpec command, SQLException e) {
        command.commandLine()
                .getErr()
                .println(command.name() + ": PostgreSQL is not reachable (" + e.getMessage()
                        + "); is the platform up? (`./platform status`)");
        return UNREACHABLE;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: evolve or snapshot");
    }
}
