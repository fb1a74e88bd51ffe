package dev.storefront.seeder.deltas;

import dev.storefront.contract.StorefrontTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Whether orders.coupon_code exists, asked again every few seconds: the schema evolution scenario add-coupon-code adds
 * it while the deltas run, and from then on the deltas apply coupons. Asked inside the tick's transaction, which
 * then sees the column if it answered yes.
 */
@ApplicationScoped
public class CouponColumn {

    static final Duration ASK_EVERY = Duration.ofSeconds(5);

    private volatile boolean exists;
    private volatile long askedAt = Long.MIN_VALUE;

    /** Asked on the tick's connection, inside its transaction. */
    boolean exists(Connection connection) throws SQLException {
        long now = System.nanoTime();
        if (askedAt == Long.MIN_VALUE || now - askedAt > ASK_EVERY.toNanos()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM"
                    + " information_schema.columns WHERE table_schema = 'public' AND table_name = 'orders'"
                    + " AND column_name = ?)")) {
                statement.setString(1, StorefrontTables.ORDERS_COUPON_CODE);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    exists = rs.getBoolean(1);
                }
            }
            askedAt = now;
        }
        return exists;
    }
}
