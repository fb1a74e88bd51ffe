package dev.storefront.platform.lifecycle;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** One part of the local platform: started after its dependencies are healthy, stopped before them. */
public interface Component {

    String name();

    /** Names of the components that must be healthy before this one starts. */
    List<String> dependsOn();

    /**
     * Names of the components it uses while it runs, so it is stopped before them; by default what it starts after.
     * A component may start before something it uses (Connect starts beside Kafka and the registry), yet stops first.
     */
    default List<String> usesWhileRunning() {
        return dependsOn();
    }

    /** Starts the component and returns once it is healthy; throws {@link ComponentFailure} otherwise. */
    void start() throws ComponentFailure, InterruptedException;

    /** Stops it gracefully (no-op if not running); false when it had to be killed after its grace period. */
    boolean stop();

    /** A health probe over the network, usable from another process (`./platform status`). */
    boolean isHealthy();

    /** A one-shot step (connect-init) runs to completion instead of staying up. */
    default boolean isOneShot() {
        return false;
    }

    /** Started only when asked for (the SQL layer): {@code up --sql}, or a request to the running launcher. */
    default boolean isOptional() {
        return false;
    }

    OptionalLong pid();

    /** Where users reach it: a URL, an address, or what it did. */
    String endpoint();

    Path logFile();

    /** TCP ports the component will listen on, by the .env variable that sets each, checked free before start. */
    default List<PortClaim> ports() {
        return List.of();
    }

    record PortClaim(String variable, String host, int port) {}
}
