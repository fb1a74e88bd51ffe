package dev.storefront.contract.cli;

/** A failure with a message meant for the user (which system could not be reached, and why): no stack trace. */
public class ToolFailure extends RuntimeException {
    public ToolFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
