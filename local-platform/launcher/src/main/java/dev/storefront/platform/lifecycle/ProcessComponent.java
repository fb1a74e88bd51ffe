package dev.storefront.platform.lifecycle;

import dev.storefront.contract.PlatformVariable;
import dev.storefront.platform.Layout;
import dev.storefront.platform.process.ChildProcess;
import dev.storefront.platform.process.JavaCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A component that is one child process (a JVM), healthy when its probe passes. Its dependencies, ports, heap and
 * start timeout are its entry in the {@link ComponentManifest}.
 */
public abstract class ProcessComponent implements Component {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    protected final Layout layout;
    private final ComponentManifest.Spec spec;
    private volatile ChildProcess process;

    protected ProcessComponent(Layout layout, String name) {
        this.layout = layout;
        this.spec = ComponentManifest.SHIPPED.spec(name);
    }

    /** The command line; may write the configuration files it refers to. */
    protected abstract List<String> command() throws IOException, ComponentFailure;

    /** The child's environment on top of the launcher's: the whole platform configuration by default. */
    protected Map<String, String> environment() {
        return layout.env().asMap();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public List<String> dependsOn() {
        return spec.dependsOn();
    }

    @Override
    public List<String> usesWhileRunning() {
        return spec.usesWhileRunning();
    }

    @Override
    public List<PortClaim> ports() {
        return spec.claims(layout.env());
    }

    @Override
    public boolean isOneShot() {
        return spec.oneShot();
    }

    @Override
    public boolean isOptional() {
        return spec.optional();
    }

    /** Its JVM's command with the options of its manifest entry. */
    protected JavaCommand java() {
        return spec.java();
    }

    @Override
    public void start() throws ComponentFailure, InterruptedException {
        try {
            process = ChildProcess.startJava(
                    name(), command(), environment(), layout.home(), logFile(), layout.classDataDir());
        } catch (IOException e) {
            throw new ComponentFailure(name(), "cannot launch: " + e.getMessage(), logFile(), e);
        }
        awaitStarted(process, spec.startTimeout());
    }

    /** Waits until healthy; one-shot components override this to wait for a successful exit. */
    protected void awaitStarted(ChildProcess child, Duration timeout) throws ComponentFailure, InterruptedException {
        HealthWait.await(child, timeout, this::isHealthy);
    }

    @Override
    public boolean stop() {
        ChildProcess child = process;
        return child == null || !child.isAlive() || child.stop(STOP_GRACE);
    }

    @Override
    public OptionalLong pid() {
        ChildProcess child = process;
        return child != null && child.isAlive() ? OptionalLong.of(child.pid()) : OptionalLong.empty();
    }

    @Override
    public Path logFile() {
        return layout.logFile(name());
    }

    protected String host(PlatformVariable variable) {
        return layout.env().require(variable);
    }

    protected int port(PlatformVariable variable) {
        return layout.env().port(variable);
    }
}
