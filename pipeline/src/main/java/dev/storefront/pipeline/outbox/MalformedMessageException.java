package dev.storefront.pipeline.outbox;

/** The message's JSON is not an order: the message says which field is wrong. */
class MalformedMessageException extends Exception {
    MalformedMessageException(String reason) {
        super(reason);
    }
}
