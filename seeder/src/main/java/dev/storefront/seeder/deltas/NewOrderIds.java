package dev.storefront.seeder.deltas;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The ids of a tick's new orders, their payments and items, allocated from the tables' sequences in one round trip. */
record NewOrderIds(Long[] orderIds, Long[] paymentIds, Long[] itemIds) {

    private static final String ALLOCATE = "SELECT"
            + " ARRAY(SELECT nextval('orders_id_seq') FROM generate_series(1, ?)),"
            + " ARRAY(SELECT nextval('payments_id_seq') FROM generate_series(1, ?)),"
            + " ARRAY(SELECT nextval('order_items_id_seq') FROM generate_series(1, ?))";

    static NewOrderIds allocate(Connection connection, int orders, int items) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ALLOCATE)) {
            statement.setInt(1, orders);
            statement.setInt(2, orders);
            statement.setInt(3, items);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new NewOrderIds(ids(rs.getArray(1)), ids(rs.getArray(2)), ids(rs.getArray(3)));
            }
        }
    }

    private static Long[] ids(Array array) throws SQLException {
        try {
            return (Long[]) array.getArray();
        } finally {
            array.free();
        }
    }
}
