package dev.storefront.evolution.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.StorefrontTables;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    private final Scenarios scenarios = Scenarios.onClasspath();

    @Test
    void everyFolderOfMigrationsScenariosIsAScenarioWithItsLeadingComment() {
        assertThat(scenarios.names())
                .containsExactly(
                        "add-coupon-code",
                        "add-order-channel",
                        "add-shipments-table",
                        "drop-order-status",
                        "rename-customer-email",
                        "widen-item-quantity");
        Scenario coupon = scenarios.find("add-coupon-code").orElseThrow();
        assertThat(coupon.description()).startsWith("orders gains a nullable coupon_code");
        // The column the seeder, the pipeline and verify know by StorefrontTables' name.
        assertThat(coupon.sql())
                .contains("ALTER TABLE public.orders ADD COLUMN " + StorefrontTables.ORDERS_COUPON_CODE + " text;");
        assertThat(coupon.location()).isEqualTo("db/scenarios/add-coupon-code");
    }

    @Test
    void anUnknownNameIsAnsweredWithTheClosestScenario() {
        assertThat(scenarios.unknown("add-copon-code"))
                .startsWith("add-copon-code is not a scenario (did you mean add-coupon-code?); one of: ");
    }
}
