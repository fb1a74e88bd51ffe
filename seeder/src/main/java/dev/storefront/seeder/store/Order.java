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

/**
 * A row of orders. Items and payment are not mapped as collections: they are written once, and deleting
 * an order leaves them to PostgreSQL's ON DELETE CASCADE (so CDC sees each delete).
 */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {

    @Id
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    public Customer customer;

    @Column(nullable = false)
    public OrderStatus status;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal total;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
