package dev.storefront.platform.lifecycle;

import dev.storefront.platform.process.LogTail;
import java.nio.file.Path;
import java.util.List;

/** A component that did not start; carries the end of its log so the user sees why. */
public class ComponentFailure extends Exception {

    private final String component;
    private final Path logFile;

    public ComponentFailure(String component, String reason, Path logFile) {
        super(component + ": " + reason);
        this.component = component;
        this.logFile = logFile;
    }

    public ComponentFailure(String component, String reason, Path logFile, Throwable cause) {
        super(component + ": " + reason, cause);
        this.component = component;
        this.logFile = logFile;
    }

    public String component() {
        return component;
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> logTail(int lines) {
        return logFile == null ? List.of() : LogTail.lastLines(logFile, lines);
    }
}
