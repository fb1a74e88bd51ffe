package dev.storefront.pipeline.analytics;

import java.math.BigDecimal;

/** A group's revenue and its number of distinct orders. */
public record GroupTotal(BigDecimal revenue, long orders) {

    static final GroupTotal NONE = new GroupTotal(BigDecimal.ZERO, 0);

    GroupTotal plus(OrderShare share) {
        return new GroupTotal(revenue.add(share.revenue()), orders + 1);
    }

    /** Without the order; null once no order is left, which turns into a tombstone for the group. */
    GroupTotal minus(OrderShare share) {
        return orders <= 1 ? null : new GroupTotal(revenue.subtract(share.revenue()), orders - 1);
    }
}
