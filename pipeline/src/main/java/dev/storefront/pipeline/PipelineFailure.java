package dev.storefront.pipeline;

/** A failure with a message meant for the user (which system could not be reached, and why): no stack trace. */
public class PipelineFailure extends RuntimeException {
    public PipelineFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
