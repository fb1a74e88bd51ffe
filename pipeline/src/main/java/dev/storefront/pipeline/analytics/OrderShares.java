package dev.storefront.pipeline.analytics;

import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.avro.OrderFactItem;
import dev.storefront.pipeline.cdc.OrderRow;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one order adds to each category x country group: the amounts of its lines there. */
record OrderShares(List<GroupShare> groups) {

    static final OrderShares NONE = new OrderShares(List.of());

    /** The order's revenue within one group. */
    record GroupShare(String category, String country, BigDecimal revenue) {}

    /** From the order's fact; none for a cancelled order or one whose fact is gone (null). */
    static OrderShares of(OrderFact fact) {
        if (fact == null || OrderRow.CANCELLED.equals(fact.getStatus())) {
            return NONE;
        }
        Map<Group, BigDecimal> revenue = new LinkedHashMap<>();
        for (OrderFactItem item : fact.getItems()) {
            revenue.merge(
                    new Group(item.getCategory(), fact.getCustomerCountry()),
                    item.getPrice().multiply(BigDecimal.valueOf(item.getQuantity())),
                    BigDecimal::add);
        }
        return new OrderShares(revenue.entrySet().stream()
                .map(group ->
                        new GroupShare(group.getKey().category(), group.getKey().country(), group.getValue()))
                .toList());
    }

    /** The order's revenue in {@code group}, null when it has no line there. */
    BigDecimal revenueIn(Group group) {
        return groups.stream()
                .filter(share -> share.category().equals(group.category())
                        && share.country().equals(group.country()))
                .map(GroupShare::revenue)
                .findFirst()
                .orElse(null);
    }

    /** The groups of either. */
    Set<Group> groupsWith(OrderShares other) {
        Set<Group> union = new LinkedHashSet<>();
        for (OrderShares shares : List.of(this, other)) {
            shares.groups.forEach(share -> union.add(new Group(share.category(), share.country())));
        }
        return union;
    }
}
