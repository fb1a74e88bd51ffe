package dev.storefront.pipeline.analytics;

import static dev.storefront.pipeline.testing.AliceOrders.ALICE;
import static dev.storefront.pipeline.testing.AliceOrders.LAMP;
import static dev.storefront.pipeline.testing.AliceOrders.MUG;
import static dev.storefront.pipeline.testing.AliceOrders.MUGS;
import static dev.storefront.pipeline.testing.AliceOrders.ONE_LAMP;
import static dev.storefront.pipeline.testing.AliceOrders.ORDER;
import static dev.storefront.pipeline.testing.CdcEvents.customer;
import static dev.storefront.pipeline.testing.CdcEvents.item;
import static dev.storefront.pipeline.testing.CdcEvents.order;
import static dev.storefront.pipeline.testing.CdcEvents.product;
import static dev.storefront.pipeline.testing.CdcEvents.with;
import static dev.storefront.pipeline.testing.PipelineDriver.TOPICS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.pipeline.avro.Revenue;
import dev.storefront.pipeline.avro.RevenueKey;
import dev.storefront.pipeline.testing.AliceOrders;
import dev.storefront.pipeline.testing.PipelineDriver;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alice (France) orders 2 mugs (Kitchen, 12.50) and a lamp (Home, 40.00); Bob (Spain) orders a mug and a pan
 * (Kitchen, 30.00). Expected values are worked out by hand from the SQL definition of the output.
 */
class RevenueTopologyTest {

    private final PipelineDriver pipeline = AliceOrders.driver();

    private final GenericRecord bob = customer(2, "Bob Ruiz", "bob@example.com", "Spain");
    private final GenericRecord pan = product(12, "Pan", "Kitchen", "30.00");
    private final GenericRecord bobOrder = order(101, 2, "shipped", "42.50");
    private final GenericRecord bobMug = item(1002, 101, 10, 1, "12.50");
    private final GenericRecord bobPan = item(1003, 101, 12, 1, "30.00");

    @BeforeEach
    void twoOrders() {
        pipeline.insert(ALICE, bob, MUG, LAMP, pan, ORDER, MUGS, ONE_LAMP, bobOrder, bobMug, bobPan);
    }

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void revenueAndDistinctOrdersByCategoryAndCountry() {
        pipeline.insert(item(1004, 101, 10, 3, "12.00"));

        assertThat(revenue())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Kitchen/France", "25.00 in 1",
                        "Home/France", "40.00 in 1",
                        // Bob's order has two Kitchen lines of mugs and one of pans: still one order.
                        "Kitchen/Spain", "78.50 in 1"));
    }

    @Test
    void aCancelledOrderLeavesTheRevenueAndItsEmptyGroupsBecomeTombstones() {
        pipeline.update(ORDER, with(ORDER, "status", "cancelled"));

        assertThat(revenue()).containsExactlyInAnyOrderEntriesOf(Map.of("Kitchen/Spain", "42.50 in 1"));
        List<TestRecord<RevenueKey, Revenue>> records = revenueRecords();
        assertThat(records)
                .filteredOn(r -> r.value() == null)
                .extracting(r -> group(r.key()))
                .containsExactlyInAnyOrder("Kitchen/France", "Home/France");
    }

    @Test
    void aCustomerMovingCountryMovesTheirRevenue() {
        pipeline.update(ALICE, with(ALICE, "country", "Spain"));

        assertThat(revenue())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Kitchen/Spain", "67.50 in 2",
                        "Home/Spain", "40.00 in 1"));
    }

    @Test
    void aChangedItemPriceReplacesItsAmount() {
        pipeline.update(bobPan, with(bobPan, "price_at_purchase", new BigDecimal("20.00")));

        assertThat(revenue()).containsEntry("Kitchen/Spain", "32.50 in 1");
    }

    @Test
    void aDeletedItemIsRetractedAndADeletedOrderWithIt() {
        pipeline.delete(ONE_LAMP);
        assertThat(revenue())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Kitchen/France", "25.00 in 1",
                        "Kitchen/Spain", "42.50 in 1"));

        // ON DELETE CASCADE order: the order, then its remaining items.
        pipeline.delete(bobOrder);
        pipeline.delete(bobMug);
        pipeline.delete(bobPan);
        assertThat(revenue()).containsExactlyInAnyOrderEntriesOf(Map.of("Kitchen/France", "25.00 in 1"));
    }

    @Test
    void aReopenedGroupCountsAgainFromItsCurrentOrders() {
        pipeline.update(ORDER, with(ORDER, "status", "cancelled"));
        pipeline.insert(order(102, 1, "pending", "12.50"), item(1005, 102, 10, 1, "12.50"));

        assertThat(revenue()).containsEntry("Kitchen/France", "12.50 in 1").doesNotContainKey("Home/France");
    }

    private Map<String, String> revenue() {
        Map<String, String> groups = new LinkedHashMap<>();
        pipeline.latest(
                        TOPICS.revenue(),
                        pipeline.serdes().outputKey(RevenueKey.class).deserializer(),
                        pipeline.serdes().outputValue(Revenue.class).deserializer())
                .forEach((key, value) -> groups.put(group(key), value.getRevenue() + " in " + value.getOrderCount()));
        return groups;
    }

    private List<TestRecord<RevenueKey, Revenue>> revenueRecords() {
        return pipeline.records(
                TOPICS.revenue(),
                pipeline.serdes().outputKey(RevenueKey.class).deserializer(),
                pipeline.serdes().outputValue(Revenue.class).deserializer());
    }

    private static String group(RevenueKey key) {
        return key.getCategory() + "/" + key.getCountry();
    }
}
