package dev.storefront.console.tail;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.console.ConsoleMain;
import dev.storefront.console.decode.RecordDecoder;
import dev.storefront.contract.ClosestName;
import dev.storefront.contract.cli.ExitCode;
import dev.storefront.pipeline.config.PipelineConfig;
import dev.storefront.pipeline.serde.RegistrySerdes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a topic's committed records, one JSON document per line (pipe it to jq): topic, partition, "
                    + "offset, timestamp, key and value decoded (Avro through the registry, with keySchemaId and "
                    + "valueSchemaId; other bytes as UTF-8 text, or base64: when not text) and headers.",
            "By default the last 10 records, oldest first; --from-beginning reads from the start; --follow then "
                    + "waits for new records until Ctrl-C."
        })
public final class TailCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    @ParentCommand
    private ConsoleMain console;

    @Spec
    private CommandSpec spec;

    @Parameters(
            paramLabel = "TOPIC",
            description = "The topic, e.g. storefront.public.orders (see `./platform topics`).")
    private String topic;

    private Integer lines;

    @Option(names = "--from-beginning", description = "Read from the topic's start (with -n: its first N records).")
    private boolean fromBeginning;

    @Option(
            names = {"-f", "--follow"},
            description = "After the records asked for, print each new one as it arrives, until Ctrl-C.")
    private boolean follow;

    @Option(
            names = "--measure",
            description = "Decode the records as usual but print only how many and how fast (records/s), to stderr.")
    private boolean measure;

    @Option(
            names = "--timeout",
            defaultValue = "60",
            paramLabel = "SECONDS",
            description =
                    "How long reaching Kafka and reading to the topic's end may take (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(
            names = {"-n", "--lines"},
            paramLabel = "N",
            description =
                    "How many records: the last N (default 10), or with --from-beginning the first N (default all).")
    private void lines(int n) {
        if (n < 0) {
            throw new ParameterException(
                    spec.commandLine(), "Invalid value for option '--lines': must be 0 or more, got " + n);
        }
        this.lines = n;
    }

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds < 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--timeout': must be at least 1 second, got " + timeoutSeconds);
        }
        PipelineConfig config = PipelineConfig.load(console.env());
        RegistrySerdes serdes = new RegistrySerdes(config.serde());
        RecordDecoder decoder = new RecordDecoder(
                serdes.cdcKey().deserializer(), serdes.cdcValue().deserializer());
        PrintWriter out = spec.commandLine().getOut();
        try (TopicTail tail = new TopicTail(config.bootstrapServers(), topic, Duration.ofSeconds(timeoutSeconds))) {
            int[] printed = {0};
            // Measured from the first record: the rate of reading and decoding, not of connecting.
            long[] started = {0};
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> print = record -> {
                if (printed[0] == 0) {
                    started[0] = System.nanoTime();
                }
                String line = line(decoder, record);
                if (!measure) {
                    out.println(line);
                    out.flush();
                }
                printed[0]++;
            };
            if (fromBeginning) {
                int limit = lines == null ? Integer.MAX_VALUE : lines;
                tail.fromBeginning(
                        record -> {
                            if (printed[0] < limit) {
                                print.accept(record);
                            }
                        },
                        () -> printed[0] < limit);
            } else {
                tail.last(lines == null ? 10 : lines).forEach(print);
            }
            if (follow) {
                tail.follow(print, () -> !Thread.currentThread().isInterrupted());
            }
            if (measure) {
                double seconds = Math.max(1e-3, (System.nanoTime() - started[0]) / 1e9);
                spec.commandLine()
                        .getErr()
                        .printf(
                                java.util.Locale.ROOT,
                                "tail: %d records of %s read and decoded in %.2f s from the first (%.0f records/s)%n",
                                printed[0],
                                topic,
                                seconds,
                                printed[0] / seconds);
            }
            return ExitCode.OK;
        } catch (TopicTail.UnknownTopic e) {
            spec.commandLine()
                    .getErr()
                    .println("tail: " + e.getMessage() + ClosestName.suggestion(topic, e.known())
                            + " (`./platform topics` lists them)");
            return ExitCode.USAGE;
        }
    }

    private static String line(RecordDecoder decoder, ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.writeValueAsString(decoder.decode(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot write record " + record.topic() + "/" + record.partition() + "@" + record.offset()
                            + " as JSON",
                    e);
        }
    }
}
