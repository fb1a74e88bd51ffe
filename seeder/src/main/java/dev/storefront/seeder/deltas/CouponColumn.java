package dev.storefront.seeder.deltas;

import dev.storefront.contract.StorefrontTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/**
 * Whether orders.coupon_code exists, asked again every few seconds: the schema evolution scenario add-coupon-code adds
 * it while the deltas run, and from then on the deltas apply coupons. Asked inside the tick's transaction, which
 * then sees the column if it answered yes.
 */
@ApplicationScoped
public class CouponColumn {

    static final Duration ASK_EVERY = Duration.ofSeconds(5);

    private final EntityManager em;
    private volatile boolean exists;
    private volatile long askedAt = Long.MIN_VALUE;

    @Inject
    public CouponColumn(EntityManager em) {
        this.em = em;
    }

    boolean exists() {
        long now = System.nanoTime();
        if (askedAt == Long.MIN_VALUE || now - askedAt > ASK_EVERY.toNanos()) {
            exists = (Boolean) em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM information_schema.columns"
                            + " WHERE table_schema = 'public' AND table_name = 'orders' AND column_name = :column)")
                    .setParameter("column", StorefrontTables.ORDERS_COUPON_CODE)
                    .getSingleResult();
            askedAt = now;
        }
        return exists;
    }
}
