package dev.storefront.pipeline.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.contract.StorefrontTables;
import dev.storefront.pipeline.testing.CdcEvents;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * The record of the columns the pipeline reads ({@link StorefrontTables#COLUMNS_READ_BY_PIPELINE}, what schema
 * evolution's pre-flight judges a change by) is exact: each row factory builds its row from those columns alone and
 * fails without any one of them.
 */
class ColumnsReadTest {

    private static final SourcePosition POSITION = new SourcePosition(1, 1);

    private static final Map<String, BiFunction<GenericRecord, SourcePosition, ?>> FACTORIES = Map.of(
            "customers", CustomerRow::of,
            "products", ProductRow::of,
            "orders", OrderRow::of,
            "order_items", ItemRow::of);

    private static final Map<String, GenericRecord> FULL_ROWS = Map.of(
            "customers", CdcEvents.customer(1, "Alice", "alice@example.com", "DE"),
            "products", CdcEvents.product(2, "Lamp", "home", "19.90"),
            "orders", CdcEvents.order(3, 1, "pending", "39.80"),
            "order_items", CdcEvents.item(4, 3, 2, 2, "19.90"));

    @Test
    void everyTableThePipelineReadsHasARowFactory() {
        assertThat(FACTORIES.keySet()).containsExactlyInAnyOrderElementsOf(StorefrontTables.READ_BY_PIPELINE);
    }

    @Test
    void eachRowIsBuiltFromTheDeclaredColumnsAlone() {
        StorefrontTables.COLUMNS_READ_BY_PIPELINE.forEach((table, columns) -> assertThat(
                        FACTORIES.get(table).apply(only(FULL_ROWS.get(table), columns), POSITION))
                .as(table)
                .isNotNull());
    }

    @Test
    void eachRowNeedsEveryDeclaredColumn() {
        StorefrontTables.COLUMNS_READ_BY_PIPELINE.forEach((table, columns) -> {
            for (String missing : columns) {
                List<String> others =
                        columns.stream().filter(c -> !c.equals(missing)).toList();
                assertThatThrownBy(() -> FACTORIES.get(table).apply(only(FULL_ROWS.get(table), others), POSITION))
                        .as(table + " without " + missing)
                        .hasMessageContaining(missing);
            }
        });
    }

    /** The row with only {@code columns}, in a schema of only those fields. */
    private static GenericRecord only(GenericRecord row, List<String> columns) {
        Schema full = row.getSchema();
        Schema schema = Schema.createRecord(
                full.getName(),
                null,
                full.getNamespace(),
                false,
                columns.stream()
                        .map(column -> new Schema.Field(
                                full.getField(column), full.getField(column).schema()))
                        .toList());
        GenericRecord projected = new GenericData.Record(schema);
        columns.forEach(column -> projected.put(column, row.get(column)));
        return projected;
    }
}
