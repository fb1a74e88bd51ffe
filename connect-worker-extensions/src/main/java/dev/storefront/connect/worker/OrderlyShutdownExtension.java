package dev.storefront.connect.worker;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves the worker's shutdown to Connect's own shutdown hook. Connect starts its REST server with Jetty's
 * stop-at-shutdown, so on SIGTERM two JVM hooks stop the same server at once: Connect's (REST server, then herder,
 * tasks and offsets) and Jetty's. About one stop in twenty they interleave badly ("Unable to destroy ... STARTED"),
 * Connect's hook never returns from stopping the REST server, the tasks keep running without committing a final
 * offset, and the worker is killed after the launcher's grace period. A REST extension is registered after the
 * server has started, so it can take the server off Jetty's hook; Connect's hook still stops it, in order.
 *
 * <p>Jetty is the worker's (not a plugin's) and {@code ShutdownThread} has no public list of what it will stop, so the
 * list is read reflectively; if that fails, the worker runs as without this extension and says so in its log.
 */
public final class OrderlyShutdownExtension implements ConnectRestExtension {

    private static final Logger LOG = LoggerFactory.getLogger(OrderlyShutdownExtension.class);
    static final String SHUTDOWN_THREAD = "org.eclipse.jetty.util.thread.ShutdownThread";

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public void register(ConnectRestExtensionContext context) {
        try {
            int removed = removeJettyShutdownHooks();
            LOG.info(
                    "The worker's shutdown is Connect's own: {} Jetty stop-at-shutdown registration(s) removed",
                    removed);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn(
                    "Could not remove Jetty's shutdown hook, so Jetty and Connect both stop the REST server on"
                            + " shutdown",
                    e);
        }
    }

    /** Deregisters everything Jetty's shutdown thread would stop; returns how many. */
    static int removeJettyShutdownHooks() throws ReflectiveOperationException {
        Class<?> shutdownThread = Class.forName(SHUTDOWN_THREAD);
        Object instance = shutdownThread.getMethod("getInstance").invoke(null);
        Field lifeCycles = shutdownThread.getDeclaredField("_lifeCycles");
        lifeCycles.setAccessible(true);
        List<?> registered = List.copyOf((List<?>) lifeCycles.get(instance));
        Method deregister =
                shutdownThread.getMethod("deregister", Class.forName("org.eclipse.jetty.util.component.LifeCycle"));
        for (Object lifeCycle : registered) {
            deregister.invoke(null, lifeCycle);
        }
        return registered.size();
    }

    @Override
    public void close() {}

    @Override
    public String version() {
        return "1";
    }
}
