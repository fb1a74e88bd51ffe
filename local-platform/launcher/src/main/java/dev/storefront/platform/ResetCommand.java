package dev.storefront.platform;

import dev.storefront.contract.run.RunState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = {
            "Delete every piece of local platform data (PostgreSQL with its replication slot, Kafka topics, "
                    + "Connect offsets, schemas) and the logs, so the next `up` starts from scratch. Asks first, unless "
                    + "--yes. Refuses while the platform runs."
        })
final class ResetCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        Layout layout = cli.layout();
        if (RunState.read(layout.runDir()).filter(RunState::launcherAlive).isPresent()) {
            System.err.println("The platform is running: stop it first with `./platform down`.");
            return PlatformCli.FAILED;
        }
        Path dir = layout.platformDir();
        if (!Files.exists(dir)) {
            System.out.println("Nothing to reset: " + dir + " does not exist.");
            return 0;
        }
        if (!yes && System.console() == null) {
            System.err.println("Not interactive: pass --yes to delete " + dir + " without asking. Nothing deleted.");
            return PlatformCli.USAGE;
        }
        if (!yes && !confirmed(dir)) {
            System.out.println("Nothing deleted.");
            return 0;
        }
        for (String sub : List.of("data", "logs", "run")) {
            deleteTree(dir.resolve(sub));
        }
        System.out.println("Deleted the platform's data, logs and run state under " + dir + ".");
        return 0;
    }

    private static boolean confirmed(Path dir) throws IOException {
        System.out.print("Delete all local platform data and logs under " + dir + "? [y/N] ");
        System.out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && (answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes"));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
