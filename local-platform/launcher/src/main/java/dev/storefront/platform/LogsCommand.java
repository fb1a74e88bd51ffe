package dev.storefront.platform;

import dev.storefront.contract.ClosestName;
import dev.storefront.platform.lifecycle.Component;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = {
            "Print the last lines of one component's log (the files `./platform status` lists), or the launcher's; "
                    + "with --follow, then every new line until Ctrl-C, across the component's restarts."
        })
final class LogsCommand implements Callable<Integer> {

    private static final String LAUNCHER = "launcher";
    private static final long FOLLOW_POLL_MILLIS = 250;

    @ParentCommand
    PlatformCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "COMPONENT",
            description = "postgres, kafka, seeder, registry, connect, connect-init, pipeline or launcher.")
    String component;

    @Option(
            names = {"-n", "--lines"},
            paramLabel = "N",
            description = "How many of the last lines (default: ${DEFAULT-VALUE}).")
    int lines = 50;

    @Option(
            names = {"-f", "--follow"},
            description = "Then print each new line as it is written, until Ctrl-C.")
    boolean follow;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Layout layout = cli.layout();
        Map<String, Path> logs = new LinkedHashMap<>();
        for (Component c : PlatformComponents.create(layout)) {
            logs.put(c.name(), c.logFile());
        }
        logs.put(LAUNCHER, layout.logFile(LAUNCHER));
        if (lines < 0) {
            err.println("logs: --lines must be 0 or more, got " + lines);
            return PlatformCli.USAGE;
        }
        Path log = logs.get(component);
        if (log == null) {
            err.println("logs: no component " + component + ClosestName.suggestion(component, logs.keySet())
                    + "; one of: " + String.join(", ", logs.keySet()));
            return PlatformCli.USAGE;
        }
        if (!Files.exists(log) && !follow) {
            err.println("logs: " + component + " has no log yet (" + log + "): it has not run here.");
            return PlatformCli.FAILED;
        }
        long printed = Files.exists(log) ? printLast(log, out) : 0;
        if (follow) {
            follow(log, printed, out);
        }
        return 0;
    }

    /** The last --lines lines; returns the file's length read so far. */
    private long printLast(Path log, PrintWriter out) throws IOException {
        long length = Files.size(log);
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            });
        }
        last.forEach(out::println);
        out.flush();
        return length;
    }

    /** New bytes as they come; a file that got shorter was started over (a restart), so read it from its start. */
    private static void follow(Path log, long from, PrintWriter out) throws IOException, InterruptedException {
        long position = from;
        byte[] buffer = new byte[64 * 1024];
        while (!Thread.currentThread().isInterrupted()) {
            if (Files.exists(log)) {
                try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                    if (file.length() < position) {
                        position = 0;
                    }
                    file.seek(position);
                    int read;
                    while ((read = file.read(buffer)) > 0) {
                        out.print(new String(buffer, 0, read, StandardCharsets.UTF_8));
                        position += read;
                    }
                    out.flush();
                }
            }
            Thread.sleep(FOLLOW_POLL_MILLIS);
        }
    }
}
