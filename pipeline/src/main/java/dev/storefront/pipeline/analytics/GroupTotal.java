package dev.storefront.pipeline.analytics;

import java.math.BigDecimal;

/** A group's revenue and its number of distinct orders. */
record GroupTotal(BigDecimal revenue, long orders) {

    static final GroupTotal NONE = new GroupTotal(BigDecimal.ZERO, 0);

    /** With one order's old share taken out and its new one added; an order counts once per group. */
    GroupTotal with(ShareChange change) {
        BigDecimal total = revenue;
        long count = orders;
        if (change.before() != null) {
            total = total.subtract(change.before());
            count--;
        }
        if (change.after() != null) {
            total = total.add(change.after());
            count++;
        }
        return new GroupTotal(total, count);
    }
}
