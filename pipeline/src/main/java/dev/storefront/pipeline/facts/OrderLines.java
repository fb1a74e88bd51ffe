package dev.storefront.pipeline.facts;

import dev.storefront.pipeline.cdc.ItemRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The current order_items rows of one order, by item id. */
record OrderLines(List<ItemRow> items) {

    static final OrderLines NONE = new OrderLines(List.of());

    ItemRow find(long itemId) {
        return items.stream().filter(item -> item.id() == itemId).findFirst().orElse(null);
    }

    /** With {@code item} added, or replacing the line of the same id. */
    OrderLines with(ItemRow item) {
        List<ItemRow> lines = new ArrayList<>(without(item.id()).items);
        lines.add(item);
        lines.sort(Comparator.comparingLong(ItemRow::id));
        return new OrderLines(List.copyOf(lines));
    }

    OrderLines without(long itemId) {
        return new OrderLines(items.stream().filter(item -> item.id() != itemId).toList());
    }
}
