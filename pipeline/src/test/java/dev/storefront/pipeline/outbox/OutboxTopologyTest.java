package dev.storefront.pipeline.outbox;

import static dev.storefront.pipeline.testing.PipelineDriver.OUTBOX_PREFIX;
import static dev.storefront.pipeline.testing.PipelineDriver.TOPICS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.contract.outbox.OrderCreatedExamples;
import dev.storefront.contract.outbox.OutboxMessages;
import dev.storefront.pipeline.avro.OrderKey;
import dev.storefront.pipeline.avro.OrderOutput;
import dev.storefront.pipeline.avro.OrderOutputItem;
import dev.storefront.pipeline.serde.JsonSerde;
import dev.storefront.pipeline.testing.PipelineDriver;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxTopologyTest {

    /** As the seeder writes it: through the outbox contract's writer (amounts as JSON numbers, two decimals). */
    private static final String ORDER_100 = OutboxMessages.write(OrderCreatedExamples.ORDER_100);

    private final PipelineDriver pipeline = new PipelineDriver(
            (builder, serdes) -> OutboxTopology.build(builder, TOPICS, serdes, new OrderMessageDecoder(OUTBOX_PREFIX)));

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void aWellFormedMessageBecomesTheOrdersOutputKeyedByOrderId() {
        pipeline.message(OUTBOX_PREFIX, ORDER_100);

        OrderOutput order = orders().get(100L);
        assertThat(order.getClientName()).isEqualTo("Alice Martin");
        assertThat(order.getClientEmail()).isEqualTo("alice@example.com");
        assertThat(order.getClientCountry()).isEqualTo("France");
        assertThat(order.getItems())
                .containsExactly(
                        new OrderOutputItem(10L, "Mug", "Kitchen", 2, new BigDecimal("19.99")),
                        new OrderOutputItem(11L, "Lamp", "Home", 1, new BigDecimal("40.10")));
        assertThat(order.getTotal()).isEqualTo(new BigDecimal("80.08"));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void malformedMessagesGoToTheDeadLetterTopicWithTheirReasonAndGoodOnesStillFlow() {
        pipeline.message(OUTBOX_PREFIX, "{\"order_id\": 7, ");
        pipeline.message(OUTBOX_PREFIX, ORDER_100.replace("\"email\":\"alice@example.com\",", ""));
        pipeline.message("someone.else", ORDER_100);
        pipeline.message(OUTBOX_PREFIX, ORDER_100.replace("\"order_id\":100", "\"order_id\":101"));

        assertThat(orders()).containsOnlyKeys(101L);
        List<TestRecord<String, String>> letters = deadLetters();
        assertThat(letters).hasSize(3);
        assertThat(header(letters.get(0), DeadLetter.REASON_HEADER))
                .startsWith("content is not JSON: Unexpected end-of-input");
        assertThat(letters.subList(1, 3))
                .extracting(letter -> header(letter, DeadLetter.REASON_HEADER))
                .containsExactly(
                        "missing field customer.email (a string)",
                        "unexpected prefix 'someone.else' (the outbox's is 'storefront.orders')");
        JsonNode wrongPrefix = json(letters.get(2).value());
        assertThat(wrongPrefix.get("reason").asText()).isEqualTo(header(letters.get(2), DeadLetter.REASON_HEADER));
        assertThat(wrongPrefix.get("prefix").asText()).isEqualTo("someone.else");
        assertThat(wrongPrefix.get("content").asText()).isEqualTo(ORDER_100);
        assertThat(wrongPrefix.get("lsn").asLong()).isPositive();
        assertThat(wrongPrefix.get("tx_id").asLong()).isPositive();
        assertThat(letters.get(2).key()).isEqualTo("someone.else");
    }

    @Test
    void aVersionThisPipelineDoesNotReadGoesToTheDeadLetterTopicWithItsReason() {
        pipeline.message(OUTBOX_PREFIX, ORDER_100.replace("\"version\":1", "\"version\":2"));
        pipeline.message(OUTBOX_PREFIX, ORDER_100.replace("\"order_id\":100", "\"order_id\":102"));

        assertThat(orders()).containsOnlyKeys(102L);
        assertThat(deadLetters())
                .extracting(letter -> header(letter, DeadLetter.REASON_HEADER))
                .containsExactly("unsupported version 2 of order.created (this reader reads version 1)");
    }

    @Test
    void amountsWithMoreThanTwoDecimalsOrAnEmptyOrderAreRejected() {
        pipeline.message(OUTBOX_PREFIX, ORDER_100.replace("\"total\":80.08", "\"total\":80.085"));
        pipeline.message(OUTBOX_PREFIX, ORDER_100.replaceAll("\"items\":\\[.*]", "\"items\":[]"));

        assertThat(orders()).isEmpty();
        assertThat(deadLetters())
                .extracting(letter -> header(letter, DeadLetter.REASON_HEADER))
                .containsExactly(
                        "total has more than 2 decimals: 80.085", "items is empty: an order has at least one item");
    }

    private Map<Long, OrderOutput> orders() {
        Map<Long, OrderOutput> orders = new LinkedHashMap<>();
        pipeline.latest(
                        TOPICS.orderOutput(),
                        pipeline.serdes().outputKey(OrderKey.class).deserializer(),
                        pipeline.serdes().outputValue(OrderOutput.class).deserializer())
                .forEach((key, order) -> orders.put(key.getOrderId(), order));
        return orders;
    }

    private List<TestRecord<String, String>> deadLetters() {
        return pipeline.records(TOPICS.deadLetters(), new StringDeserializer(), new StringDeserializer());
    }

    private static String header(TestRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        try {
            return JsonSerde.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }
}
