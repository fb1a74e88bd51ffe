package dev.storefront.seeder.fullload;

import dev.storefront.seeder.api.IntParameter;

/** The validated parameters of a full load: rows per table, rows per transaction, optional seed. */
public record FullLoadRequest(int customers, int products, int orders, int batchSize, Long seed) {

    public static final int MAX_COUNT = 10_000_000;
    public static final int DEFAULT_CUSTOMERS = 1_000;
    public static final int DEFAULT_PRODUCTS = 200;
    public static final int DEFAULT_ORDERS = 5_000;
    public static final int MIN_BATCH = 100;
    public static final int MAX_BATCH = 100_000;
    public static final int DEFAULT_BATCH = 10_000;

    static final IntParameter CUSTOMERS = new IntParameter("customers", 1, MAX_COUNT, DEFAULT_CUSTOMERS);
    static final IntParameter PRODUCTS = new IntParameter("products", 1, MAX_COUNT, DEFAULT_PRODUCTS);
    static final IntParameter ORDERS = new IntParameter("orders", 1, MAX_COUNT, DEFAULT_ORDERS);
    static final IntParameter BATCH_SIZE = new IntParameter("batchSize", MIN_BATCH, MAX_BATCH, DEFAULT_BATCH);

    /** Checks every raw query parameter (null = absent) before anything is written. */
    public static FullLoadRequest parse(
            String customers, String products, String orders, String batchSize, String seed) {
        return new FullLoadRequest(
                CUSTOMERS.parse(customers),
                PRODUCTS.parse(products),
                ORDERS.parse(orders),
                BATCH_SIZE.parse(batchSize),
                IntParameter.parseOptionalLong("seed", seed));
    }

    /** Customers, products and orders: the entities the load creates (items and payments come with orders). */
    long entities() {
        return (long) customers + products + orders;
    }
}
