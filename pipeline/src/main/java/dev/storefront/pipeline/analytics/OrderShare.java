package dev.storefront.pipeline.analytics;

import java.math.BigDecimal;

/** An order's revenue within one group, and how many of its lines make it. */
public record OrderShare(BigDecimal revenue, int lines) {

    static final OrderShare NONE = new OrderShare(BigDecimal.ZERO, 0);

    OrderShare plus(Contribution line) {
        return new OrderShare(revenue.add(line.amount()), lines + 1);
    }

    /** Without the line; null once the order has no line left in the group, which removes it from the group. */
    OrderShare minus(Contribution line) {
        return lines <= 1 ? null : new OrderShare(revenue.subtract(line.amount()), lines - 1);
    }
}
