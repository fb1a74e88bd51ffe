package dev.storefront.pipeline.outbox;

/** The event is not an outbox message of ours (its op, prefix or missing content): the message says which. */
class MalformedMessageException extends Exception {
    MalformedMessageException(String reason) {
        super(reason);
    }
}
