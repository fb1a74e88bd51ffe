package dev.storefront.connectinit.command;

import dev.storefront.connectinit.ConnectInit;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** A subcommand acting on connectors named by their templates: all templates when no name is given. */
abstract class ConnectorCommand implements Callable<Integer> {

    @ParentCommand
    ConnectInit root;

    @Parameters(
            paramLabel = "NAME",
            arity = "0..*",
            description = "Connector names, i.e. connectors/<NAME>.template.json (default: every template).")
    List<String> names = List.of();

    PrintWriter out() {
        return root.out();
    }
}
