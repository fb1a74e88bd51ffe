-- Order facts (seed 000): each order with its customer and its lines with their products, as Avro in the upsert
-- topic <prefix>.sql.order_facts, keyed by order. The lines are gathered per order first, so a change to an item or
-- a product replaces only the facts of the orders it belongs to; an order without lines has item_count 0, no items.
INSERT INTO sql_order_facts
SELECT o.id,
       o.status,
       o.total,
       CAST(COALESCE(l.item_count, 0) AS INT),
       c.id,
       c.full_name,
       c.email,
       c.country,
       l.items,
       o.created_at,
       o.updated_at
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
LEFT JOIN (
    SELECT oi.order_id,
           COUNT(*) AS item_count,
           ARRAY_AGG(ROW(oi.id, oi.product_id, p.name, p.category, oi.quantity, oi.price_at_purchase)) AS items
    FROM order_items AS oi
    JOIN products AS p ON p.id = oi.product_id
    GROUP BY oi.order_id
) AS l ON l.order_id = o.id;
