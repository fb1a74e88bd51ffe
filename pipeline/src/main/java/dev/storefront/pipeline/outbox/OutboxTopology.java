package dev.storefront.pipeline.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.storefront.pipeline.avro.OrderKey;
import dev.storefront.pipeline.avro.OrderOutput;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.serde.JsonSerde;
import dev.storefront.pipeline.serde.PipelineSerdes;
import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Outbox feed (seed 004): the logical decoding messages the seeder emits with each new order are decoded into the
 * upsert topic {@code order_output}, keyed by order id. A malformed message goes to {@code order_output.dlq} as a
 * JSON {@link DeadLetter} with its reason (also in the {@value DeadLetter#REASON_HEADER} header), and the stream
 * goes on. Stateless: nothing to restore on restart.
 */
public final class OutboxTopology {

    private OutboxTopology() {}

    public static void build(
            StreamsBuilder builder, Topics topics, PipelineSerdes serdes, OrderMessageDecoder decoder) {
        KStream<GenericRecord, Decoded> decoded = builder.stream(
                        topics.messages(),
                        Consumed.with(serdes.cdcKey(), serdes.cdcValue()).withName("outbox-messages"))
                .filter((key, event) -> event != null, Named.as("outbox-events"))
                .mapValues(decoder::decode, Named.as("outbox-decode"));
        decoded.split(Named.as("outbox-"))
                .branch(
                        (key, result) -> result instanceof Decoded.Accepted,
                        Branched.withConsumer(
                                accepted -> accepted.map(
                                                (key, result) -> {
                                                    OrderOutput order = ((Decoded.Accepted) result).order();
                                                    return KeyValue.pair(new OrderKey(order.getOrderId()), order);
                                                },
                                                Named.as("outbox-order-by-id"))
                                        .to(
                                                topics.orderOutput(),
                                                Produced.with(
                                                                serdes.outputKey(OrderKey.class),
                                                                serdes.outputValue(OrderOutput.class))
                                                        .withName("order-output")),
                                "orders"))
                .defaultBranch(Branched.withConsumer(
                        rejected -> rejected.map(
                                        (key, result) -> {
                                            DeadLetter letter = ((Decoded.Rejected) result).letter();
                                            return KeyValue.pair(letter.prefix(), letter);
                                        },
                                        Named.as("outbox-rejection-by-prefix"))
                                .processValues(DeadLetterWriter::new, Named.as("outbox-dead-letters"))
                                .to(
                                        topics.deadLetters(),
                                        Produced.with(Serdes.String(), Serdes.String())
                                                .withName("order-output-dlq")),
                        "rejected"));
    }

    /** The dead letter as JSON, with its reason in a header too. */
    private static final class DeadLetterWriter implements FixedKeyProcessor<String, DeadLetter, String> {

        private FixedKeyProcessorContext<String, String> context;

        @Override
        public void init(FixedKeyProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, DeadLetter> record) {
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.add(DeadLetter.REASON_HEADER, record.value().reason().getBytes(StandardCharsets.UTF_8));
            context.forward(record.withValue(json(record.value())).withHeaders(headers));
        }

        private static String json(DeadLetter letter) {
            try {
                return JsonSerde.MAPPER.writeValueAsString(letter);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A dead letter is always serializable", e);
            }
        }
    }
}
