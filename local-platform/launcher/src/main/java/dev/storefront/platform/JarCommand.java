package dev.storefront.platform;

import dev.storefront.platform.process.ForegroundJava;
import dev.storefront.platform.process.JavaCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/** A `./platform` command that runs a tool's own jar in the foreground, its options passed on (see the jar's --help). */
abstract class JarCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    @Unmatched
    List<String> options = new ArrayList<>();

    /** The tool's JVM and jar for this checkout. */
    abstract JavaCommand command(Layout layout);

    /** What the jar is given: the options as typed, unless a tool's jar holds several commands. */
    List<String> arguments() {
        return options;
    }

    /** For a jar that holds several commands: this command's name (the jar's subcommand), then the options. */
    final List<String> commandAndOptions() {
        List<String> arguments = new ArrayList<>();
        arguments.add(getClass().getAnnotation(Command.class).name());
        arguments.addAll(options);
        return arguments;
    }

    @Override
    public Integer call() throws Exception {
        Layout layout = cli.layout();
        return ForegroundJava.run(layout, command(layout), arguments());
    }
}
