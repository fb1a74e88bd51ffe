-- Revenue by category x country over the orders that are not cancelled (seed 002, the changelog join with SUM):
-- every update or delete of an order, item, product or customer retracts its old contribution and adds the new one.
-- Writes the upsert topic <prefix>.sql.revenue_by_category_country; `verify` reconciles it with the same GROUP BY
-- over PostgreSQL as the Streams pipeline's output.
INSERT INTO sql_revenue_by_category_country
SELECT p.category,
       c.country,
       CAST(SUM(oi.quantity * oi.price_at_purchase) AS DECIMAL(18, 2)) AS revenue,
       COUNT(DISTINCT o.id) AS order_count
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
JOIN order_items AS oi ON oi.order_id = o.id
JOIN products AS p ON p.id = oi.product_id
WHERE o.status <> 'cancelled'
GROUP BY p.category, c.country;
