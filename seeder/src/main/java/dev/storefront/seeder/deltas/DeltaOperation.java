package dev.storefront.seeder.deltas;

/** The changes the deltas make, each with its share (percent) of the operations drawn. */
public enum DeltaOperation {
    NEW_ORDER("new_order", 30),
    ORDER_STATUS("order_status", 20),
    /** Once orders.coupon_code exists (schema evolution scenario add-coupon-code); an order status change before. */
    APPLY_COUPON("apply_coupon", 5),
    PAYMENT_STATUS("payment_status", 15),
    PRODUCT_CHANGE("product_change", 10),
    CUSTOMER_ADDRESS("customer_address", 10),
    DELETE_CANCELLED_ORDER("delete_cancelled_order", 10);

    private final String key;
    private final int percent;

    DeltaOperation(String key, int percent) {
        this.key = key;
        this.percent = percent;
    }

    /** The name in GET /seed/status. */
    public String key() {
        return key;
    }

    /** The operation for a uniform draw in 0..99, according to the weights. */
    static DeltaOperation forPercentile(int percentile) {
        int bound = 0;
        for (DeltaOperation operation : values()) {
            bound += operation.percent;
            if (percentile < bound) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Percentile out of 0..99: " + percentile);
    }
}
