package dev.storefront.evolution.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.CdcTopicNames;
import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.registry.SchemaCompatibility;
import dev.storefront.evolution.shape.Change;
import dev.storefront.evolution.shape.Column;
import dev.storefront.evolution.shape.Shapes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The judgements that need no registry: the pipeline's columns and the history tables'. */
class PreFlightTest {

    private static final Column STATUS = new Column("status", "text", "text", true, null);
    private static final Column COUPON = new Column("coupon_code", "text", "text", false, null);
    private static final Column NOTE = new Column("note", "text", "text", true, null);

    private final PreFlight preFlight = new PreFlight(
            new Shapes(Map.of("orders_cdc", List.of(STATUS, NOTE)), Set.of()),
            new CdcTopicNames("storefront"),
            // Never asked in these tests.
            new SchemaCompatibility(
                    new PlatformEndpoints(PlatformEnv.of(Map.of("APICURIO_HOST", "localhost", "APICURIO_PORT", "1")))));

    @Test
    void aNewCapturedTableIsJudgedAsAWholeWithoutAskingTheRegistry() throws Exception {
        Column id = new Column("id", "bigint", "int8", true, null);

        List<Finding> findings = preFlight.judge(
                List.of(new Change("shipments", null, id), new Change("shipments", null, NOTE)), List.of("shipments"));

        assertThat(findings)
                .containsExactly(Finding.note("shipments: a new captured table. Debezium streams it from its first row"
                        + " to storefront.public.shipments (registering its first schema), the history sink creates"
                        + " shipments_cdc, verify reconciles it; no output of the pipeline (order facts, revenue"
                        + " analytics, outbox feed) reads it"));
    }

    @Test
    void aDropOfAColumnThePipelineReadsIsRefused() {
        Finding finding = PreFlight.pipeline(new Change("orders", STATUS, null));

        assertThat(finding.refuses()).isTrue();
        assertThat(finding.text()).startsWith("orders.status is dropped (or renamed), and the pipeline");
    }

    @Test
    void aColumnThePipelineDoesNotReadIsANote() {
        assertThat(PreFlight.pipeline(new Change("orders", null, COUPON)))
                .isEqualTo(
                        Finding.note(
                                "orders.coupon_code: the pipeline (order facts, revenue analytics, outbox feed) does not read it"));
        assertThat(PreFlight.pipeline(new Change("payments", STATUS, null)).refuses())
                .isFalse();
    }

    @Test
    void aReadColumnMayWidenButNotNarrowOrChangeKind() {
        Column intQuantity = new Column("quantity", "integer", "int4", true, null);
        Column bigQuantity = new Column("quantity", "bigint", "int8", true, null);
        Column textQuantity = new Column("quantity", "text", "text", true, null);

        assertThat(PreFlight.pipeline(new Change("order_items", intQuantity, bigQuantity))
                        .refuses())
                .isFalse();
        assertThat(PreFlight.pipeline(new Change("order_items", bigQuantity, intQuantity))
                        .refuses())
                .isTrue();
        assertThat(PreFlight.pipeline(new Change("order_items", intQuantity, textQuantity))
                        .refuses())
                .isTrue();
    }

    @Test
    void theHistoryTableGainsANewColumnAndRefusesToLoseANotNullOne() {
        assertThat(preFlight.historySink(new Change("orders", null, COUPON)).text())
                .isEqualTo("orders_cdc (history sink) gains column coupon_code with the table's next change"
                        + " (schema.evolution=basic)");
        assertThat(preFlight.historySink(new Change("orders", NOTE, null)).refuses())
                .isTrue();
    }
}
