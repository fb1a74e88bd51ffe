package dev.storefront.contract.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutboxMessagesTest {

    private static final OrderCreated ORDER = OrderCreatedExamples.ORDER_100;

    @Test
    void whatIsWrittenIsReadBackWithItsTypeAndVersion() throws Exception {
        String json = OutboxMessages.write(ORDER);

        assertThat(json)
                .startsWith("{\"type\":\"order.created\",\"version\":1,\"order_id\":100,")
                .contains(
                        "\"full_name\":\"Alice Martin\"",
                        "\"price\":40.10",
                        "\"created_at\":\"2026-01-05T10:15:30.123456Z\"");
        assertThat(read(json)).isEqualTo(ORDER);
    }

    @Test
    void anUnknownVersionOrTypeIsRefusedSayingWhatThisReaderReads() {
        String json = OutboxMessages.write(ORDER);

        assertThatThrownBy(() -> read(json.replace("\"version\":1", "\"version\":2")))
                .hasMessage("unsupported version 2 of order.created (this reader reads version 1)");
        assertThatThrownBy(() -> read(json.replace("order.created", "order.shipped")))
                .hasMessage("unknown message type 'order.shipped' (this reader knows order.created)");
        assertThatThrownBy(() -> read(json.replace("\"type\":\"order.created\",", "")))
                .hasMessage("missing field type (a string)");
    }

    @Test
    void everyProblemIsNamedByItsPath() {
        String json = OutboxMessages.write(ORDER);

        assertThatThrownBy(() -> read(json.replace("\"email\":\"alice@example.com\",", "")))
                .hasMessage("missing field customer.email (a string)");
        assertThatThrownBy(() -> read(json.replace("\"price\":40.10", "\"price\":40.105")))
                .hasMessage("items[1].price has more than 2 decimals: 40.105");
        assertThatThrownBy(() -> read(json.replace("\"quantity\":2", "\"quantity\":0")))
                .hasMessage("items[0].quantity must be a positive integer, got 0");
        assertThatThrownBy(() -> read("{\"order_id\": 7, ")).hasMessageStartingWith("content is not JSON");
        assertThatThrownBy(() -> read("[1]")).hasMessage("content is JSON but not an object: [1]");
    }

    private static OrderCreated read(String json) throws OutboxMessageException {
        return OutboxMessages.read(json.getBytes(StandardCharsets.UTF_8));
    }
}
