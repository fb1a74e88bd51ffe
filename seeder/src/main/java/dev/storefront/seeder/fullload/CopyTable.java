package dev.storefront.seeder.fullload;

/**
 * The tables a full load writes, in FK order (a table's COPY runs after the tables it references),
 * with the columns each COPY fills.
 */
enum CopyTable {
    CUSTOMERS("customers", "id, full_name, email, address, city, country, created_at, updated_at"),
    PRODUCTS("products", "id, name, category, price, stock_quantity, created_at, updated_at"),
    ORDERS("orders", "id, customer_id, status, total, created_at, updated_at"),
    ORDER_ITEMS("order_items", "id, order_id, product_id, quantity, price_at_purchase"),
    PAYMENTS("payments", "id, order_id, payment_method, amount, status, paid_at, updated_at");

    private final String table;
    private final String columns;

    CopyTable(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    String table() {
        return table;
    }

    String copyStatement() {
        return "COPY " + table + " (" + columns + ") FROM STDIN";
    }

    /** Allocates {@code ?} ids of this table's bigserial sequence in one round trip. */
    String allocateIdsQuery() {
        return "SELECT nextval('" + table + "_id_seq') FROM generate_series(1, ?)";
    }
}
