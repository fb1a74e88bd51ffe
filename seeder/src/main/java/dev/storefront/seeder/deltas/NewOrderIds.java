package dev.storefront.seeder.deltas;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.hibernate.Session;

/**
 * The ids of a new order, its payment and its items, allocated from the tables' sequences in one round
 * trip (Hibernate would ask each sequence once per row).
 */
record NewOrderIds(long orderId, long paymentId, Long[] itemIds) {

    private static final String ALLOCATE = "SELECT nextval('orders_id_seq'), nextval('payments_id_seq'),"
            + " ARRAY(SELECT nextval('order_items_id_seq') FROM generate_series(1, ?))";

    static NewOrderIds allocate(Session session, int items) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ALLOCATE)) {
                statement.setInt(1, items);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    Array itemIds = rs.getArray(3);
                    try {
                        return new NewOrderIds(rs.getLong(1), rs.getLong(2), (Long[]) itemIds.getArray());
                    } finally {
                        itemIds.free();
                    }
                }
            }
        });
    }
}
