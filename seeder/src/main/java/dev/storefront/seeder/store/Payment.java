package dev.storefront.seeder.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of payments: one per order, for the order's total. */
@Entity
@Table(name = "payments")
public class Payment extends PanacheEntityBase {

    @Id
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    public Order order;

    @Column(name = "payment_method", nullable = false)
    public String paymentMethod;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false)
    public PaymentStatus status;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
