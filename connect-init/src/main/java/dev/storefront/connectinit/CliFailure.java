package dev.storefront.connectinit;

/**
 * An expected failure: its message is meant for the user (it names what is wrong and never holds a
 * secret) and it ends the process with {@link #exitCode()}.
 */
public class CliFailure extends RuntimeException {
    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
