package dev.storefront.pipeline.cdc;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row change of a storefront table on its way to the task that builds the facts: the row after the change, or
 * none when it was deleted. Exactly one of the row fields is set, the one of {@code table}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowChange(Table table, long id, CustomerRow customer, ProductRow product, OrderRow order, ItemRow item) {

    /** The tables the facts are made of. */
    public enum Table {
        CUSTOMERS,
        PRODUCTS,
        ORDERS,
        ORDER_ITEMS
    }

    static RowChange customer(long id, CustomerRow row) {
        return new RowChange(Table.CUSTOMERS, id, row, null, null, null);
    }

    static RowChange product(long id, ProductRow row) {
        return new RowChange(Table.PRODUCTS, id, null, row, null, null);
    }

    static RowChange order(long id, OrderRow row) {
        return new RowChange(Table.ORDERS, id, null, null, row, null);
    }

    static RowChange item(long id, ItemRow row) {
        return new RowChange(Table.ORDER_ITEMS, id, null, null, null, row);
    }
}
