package dev.storefront.pipeline.testing;

import static dev.storefront.pipeline.testing.CdcEvents.customer;
import static dev.storefront.pipeline.testing.CdcEvents.item;
import static dev.storefront.pipeline.testing.CdcEvents.order;
import static dev.storefront.pipeline.testing.CdcEvents.product;

import dev.storefront.pipeline.cdc.StorefrontTables;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.enrich.OrderJoins;
import dev.storefront.pipeline.serde.PipelineSerdes;
import org.apache.avro.generic.GenericRecord;

/**
 * What the order topologies' tests start from: Alice (France) orders 2 mugs (Kitchen, 12.50) and a lamp (Home,
 * 40.00), order 100. Rows are changed through {@link CdcEvents#with}, which copies, so the constants stay as they are.
 */
public final class AliceOrders {

    public static final GenericRecord ALICE = customer(1, "Alice Martin", "alice@example.com", "France");
    public static final GenericRecord MUG = product(10, "Mug", "Kitchen", "12.50");
    public static final GenericRecord LAMP = product(11, "Lamp", "Home", "40.00");
    public static final GenericRecord ORDER = order(100, 1, "pending", "65.00");
    public static final GenericRecord MUGS = item(1000, 100, 10, 2, "12.50");
    public static final GenericRecord ONE_LAMP = item(1001, 100, 11, 1, "40.00");

    private AliceOrders() {}

    /** A driver for a topology built on the joined orders, as the pipeline builds it (e.g. {@code RevenueTopology::build}). */
    public static PipelineDriver driverOnOrderJoins(OrderTopology topology) {
        return new PipelineDriver((builder, serdes) -> topology.build(
                OrderJoins.build(StorefrontTables.build(builder, PipelineDriver.TOPICS, serdes)),
                PipelineDriver.TOPICS,
                serdes));
    }

    /** A topology on top of the joined orders. */
    @FunctionalInterface
    public interface OrderTopology {
        void build(OrderJoins joins, Topics topics, PipelineSerdes serdes);
    }
}
