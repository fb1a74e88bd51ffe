package dev.storefront.contract.outbox;

/** The content is not a message this reader knows: the message says which field or version is wrong. */
public class OutboxMessageException extends Exception {
    public OutboxMessageException(String reason) {
        super(reason);
    }
}
