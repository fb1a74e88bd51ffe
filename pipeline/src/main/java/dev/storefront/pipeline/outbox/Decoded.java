package dev.storefront.pipeline.outbox;

import dev.storefront.pipeline.avro.OrderOutput;

/** What a logical decoding message decodes to: an order, or a rejection for the dead-letter topic. */
public sealed interface Decoded {

    record Accepted(OrderOutput order) implements Decoded {}

    record Rejected(DeadLetter letter) implements Decoded {}
}
