package dev.storefront.evolution.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShapeDiffTest {

    private static final Column ID = new Column("id", "bigint", "int8", true, null);
    private static final Column EMAIL = new Column("email", "text", "text", true, null);
    private static final Column QUANTITY = new Column("quantity", "integer", "int4", true, null);

    @Test
    void addsDropsAndRetypesOfCapturedTablesOnly() {
        Shapes before = new Shapes(
                Map.of("customers", List.of(ID, EMAIL), "order_items", List.of(ID, QUANTITY), "notes", List.of(ID)),
                Set.of("customers", "order_items"));
        Shapes after = new Shapes(
                Map.of(
                        "customers",
                        List.of(ID, new Column("email_address", "text", "text", true, null)),
                        "order_items",
                        List.of(ID, new Column("quantity", "bigint", "int8", true, null)),
                        "notes",
                        List.of()),
                Set.of("customers", "order_items"));

        List<Change> changes = ShapeDiff.between(before, after);

        assertThat(changes)
                .extracting(change -> change.kind() + " " + change.describe())
                .containsExactly(
                        "DROPPED customers: - email text NOT NULL",
                        "ADDED customers: + email_address text NOT NULL",
                        "RETYPED order_items: quantity integer NOT NULL -> quantity bigint NOT NULL");
    }

    @Test
    void anUnchangedShapeHasNoChanges() {
        Shapes shapes = new Shapes(Map.of("customers", List.of(ID, EMAIL)), Set.of("customers"));

        assertThat(ShapeDiff.between(shapes, shapes)).isEmpty();
    }

    @Test
    void aTableThePublicationCapturesOnlyAfterIsNew() {
        Shapes before = new Shapes(Map.of("customers", List.of(ID)), Set.of("customers"));
        Shapes after = new Shapes(
                Map.of("customers", List.of(ID), "shipments", List.of(ID), "notes", List.of(ID)),
                Set.of("customers", "shipments"));

        assertThat(ShapeDiff.newTables(before, after)).containsExactly("shipments");
        assertThat(ShapeDiff.between(before, after))
                .extracting(Change::describe)
                .containsExactly("shipments: + id bigint NOT NULL");
    }
}
