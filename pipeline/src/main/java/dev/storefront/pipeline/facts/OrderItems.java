package dev.storefront.pipeline.facts;

import dev.storefront.pipeline.enrich.EnrichedItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The current lines of one order, by item id: the aggregate of items grouped by order. */
public record OrderItems(List<EnrichedItem> items) {

    static final OrderItems NONE = new OrderItems(List.of());

    /** With {@code item} added, or replacing the line of the same id. */
    OrderItems with(EnrichedItem item) {
        List<EnrichedItem> lines = new ArrayList<>(without(item.itemId(), items));
        lines.add(item);
        lines.sort(Comparator.comparingLong(EnrichedItem::itemId));
        return new OrderItems(List.copyOf(lines));
    }

    /** Without the line {@code itemId}; null once no line is left, which removes the order's aggregate. */
    OrderItems without(long itemId) {
        List<EnrichedItem> lines = without(itemId, items);
        return lines.isEmpty() ? null : new OrderItems(lines);
    }

    private static List<EnrichedItem> without(long itemId, List<EnrichedItem> lines) {
        return lines.stream().filter(line -> line.itemId() != itemId).toList();
    }
}
