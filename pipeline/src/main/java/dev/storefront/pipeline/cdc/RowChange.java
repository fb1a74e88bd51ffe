package dev.storefront.pipeline.cdc;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row change of a storefront table on its way to the task that builds the facts: the row after the change, or
 * none when it was deleted, and where the change came from (a delete's too, which has no row to carry it). At most one
 * of the row fields is set, the one of {@code table}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowChange(
        Table table,
        long id,
        CustomerRow customer,
        ProductRow product,
        OrderRow order,
        ItemRow item,
        SourcePosition position) {

    /** The tables the facts are made of. */
    public enum Table {
        CUSTOMERS,
        PRODUCTS,
        ORDERS,
        ORDER_ITEMS
    }

    static RowChange customer(long id, CustomerRow row, SourcePosition position) {
        return new RowChange(Table.CUSTOMERS, id, row, null, null, null, position);
    }

    static RowChange product(long id, ProductRow row, SourcePosition position) {
        return new RowChange(Table.PRODUCTS, id, null, row, null, null, position);
    }

    static RowChange order(long id, OrderRow row, SourcePosition position) {
        return new RowChange(Table.ORDERS, id, null, null, row, null, position);
    }

    static RowChange item(long id, ItemRow row, SourcePosition position) {
        return new RowChange(Table.ORDER_ITEMS, id, null, null, null, row, position);
    }
}
