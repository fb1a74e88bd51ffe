package dev.storefront.contract;

/** A configuration problem, with a message meant for the user (it never contains a secret value). */
public class PlatformEnvException extends RuntimeException {
    public PlatformEnvException(String message) {
        super(message);
    }

    public PlatformEnvException(String message, Throwable cause) {
        super(message, cause);
    }
}
