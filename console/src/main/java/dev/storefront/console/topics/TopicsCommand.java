package dev.storefront.console.topics;

import dev.storefront.console.ConsoleMain;
import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.cli.ExitCode;
import dev.storefront.pipeline.config.PipelineConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the broker's topics: partitions, OFFSETS (committed end minus start, summed over partitions: an "
                    + "upper bound of the records, as transaction markers take offsets too) and the registry subjects "
                    + "of its keys and values. `./platform tail TOPIC` prints its records."
        })
public final class TopicsCommand implements Callable<Integer> {

    @ParentCommand
    private ConsoleMain console;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--timeout",
            defaultValue = "30",
            paramLabel = "SECONDS",
            description = "How long reaching Kafka and the registry may take (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PipelineConfig config = PipelineConfig.load(console.env());
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        List<TopicCatalog.Topic> topics;
        try (Admin admin = TopicCatalog.admin(config.bootstrapServers(), timeout)) {
            topics = new TopicCatalog(admin, new PlatformEndpoints(console.env()).registryCcompatUrl(), timeout)
                    .topics();
        }
        int width = topics.stream().mapToInt(t -> t.name().length()).max().orElse(5);
        PrintWriter out = spec.commandLine().getOut();
        String row = "%-" + width + "s  %10s  %10s  %s%n";
        out.printf(row, "TOPIC", "PARTITIONS", "OFFSETS", "SUBJECTS");
        for (TopicCatalog.Topic topic : topics) {
            out.printf(
                    row,
                    topic.name(),
                    topic.partitions(),
                    topic.offsets(),
                    topic.subjects().isEmpty() ? "-" : String.join(", ", topic.subjects()));
        }
        out.flush();
        return ExitCode.OK;
    }
}
