package dev.storefront.pipeline.testing;

import static dev.storefront.pipeline.testing.CdcEvents.customer;
import static dev.storefront.pipeline.testing.CdcEvents.item;
import static dev.storefront.pipeline.testing.CdcEvents.order;
import static dev.storefront.pipeline.testing.CdcEvents.product;

import dev.storefront.pipeline.run.PipelineTopology;
import org.apache.avro.generic.GenericRecord;

/**
 * What the order facts' and revenue's tests start from: Alice (France) orders 2 mugs (Kitchen, 12.50) and a lamp (Home,
 * 40.00), order 100. Rows are changed through {@link CdcEvents#with}, which copies, so the constants stay as they are.
 */
public final class AliceOrders {

    public static final GenericRecord ALICE = customer(1, "Alice Martin", "alice@example.com", "France");
    public static final GenericRecord MUG = product(10, "Mug", "Kitchen", "12.50");
    public static final GenericRecord LAMP = product(11, "Lamp", "Home", "40.00");
    public static final GenericRecord ORDER = order(100, 1, "pending", "65.00");
    public static final GenericRecord MUGS = item(1000, 100, 10, 2, "12.50");
    public static final GenericRecord ONE_LAMP = item(1001, 100, 11, 1, "40.00");
    /** Alice's second order, with no items yet. */
    public static final GenericRecord SECOND_ORDER = order(101, 1, "pending", "0.00");

    private AliceOrders() {}

    /** A driver on the whole pipeline, as the app builds it (one partition). */
    public static PipelineDriver driver() {
        return new PipelineDriver((builder, serdes) ->
                PipelineTopology.addTo(builder, PipelineDriver.TOPICS, serdes, PipelineDriver.OUTBOX_PREFIX, 1));
    }
}
