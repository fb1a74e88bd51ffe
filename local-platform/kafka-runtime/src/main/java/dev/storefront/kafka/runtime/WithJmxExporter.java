package dev.storefront.kafka.runtime;

import io.prometheus.jmx.JavaAgent;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Local mode's entry point of the broker and the Connect worker: starts Prometheus' JMX exporter in this JVM, then
 * runs their own main class. The exporter is made to be a Java agent, but run as one (-javaagent) it keeps the JVM
 * from archiving its classes for the next start (class-data sharing) unless a diagnostic flag allows it, and archives
 * made so print a warning at every start; from the classpath it is ordinary code, and its premain needs no
 * instrumentation.
 *
 * <p>Arguments: the exporter's ({@code host:port:config.yaml}), the main class, then that class's arguments.
 */
public final class WithJmxExporter {

    private WithJmxExporter() {}

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: WithJmxExporter HOST:PORT:CONFIG.yaml MAIN_CLASS [ARGUMENTS...]");
            System.exit(2);
        }
        // Serves GET /metrics on its own port; on a failure (the port taken) it says so and exits the JVM. Started
        // beside the main class, not before it: reading its configuration and starting its server took ~0.6 s of
        // wall time, and the broker and the worker are each on the critical path of a fresh start.
        Thread exporter = new Thread(
                () -> {
                    try {
                        JavaAgent.premain(args[0], null);
                    } catch (Exception e) {
                        e.printStackTrace();
                        System.exit(1);
                    }
                },
                "jmx-exporter-start");
        exporter.setDaemon(true);
        exporter.start();
        try {
            Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object)
                    Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
