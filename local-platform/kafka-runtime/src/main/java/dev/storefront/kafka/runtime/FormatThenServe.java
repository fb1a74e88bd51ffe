package dev.storefront.kafka.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * A fresh node's start: formats its KRaft log directory with a cluster id, as {@code kafka-storage.sh format} does,
 * then runs the node ({@code kafka.Kafka}), in one JVM. As two JVMs the format was a start of its own on the critical
 * path of every fresh platform (~2-3 s on 2 busy cores, and ~1.2 s of CPU) before the broker could begin to start.
 *
 * <p>Arguments: the new cluster id, the server's configuration file, then any feature levels to format with
 * ({@code NAME=LEVEL}, as {@code kafka-storage.sh format --feature}).
 */
public final class FormatThenServe {

    private FormatThenServe() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: FormatThenServe CLUSTER_ID SERVER.properties [FEATURE=LEVEL...]");
            System.exit(2);
        }
        List<String> format = new ArrayList<>(List.of("format", "--cluster-id", args[0], "--config", args[1]));
        for (String feature : Arrays.asList(args).subList(2, args.length)) {
            format.addAll(List.of("--feature", feature));
        }
        int formatted;
        try {
            formatted = StorageTool.execute(format.toArray(String[]::new), System.out);
        } catch (Exception e) {
            System.err.println("formatting the KRaft storage failed: " + e.getMessage());
            formatted = 1;
        }
        if (formatted != 0) {
            System.exit(1);
        }
        Kafka.main(new String[] {args[1]});
    }
}
