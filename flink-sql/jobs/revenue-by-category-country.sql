-- Revenue by category x country over the orders that are not cancelled (seed 002, the changelog join with SUM):
-- every update or delete of an order, item, product or customer retracts its old contribution and adds the new one.
-- Writes the upsert topic <prefix>.sql.revenue_by_category_country (declared in the catalog; exactly once) and, from
-- that topic's committed records, the table sql_revenue_by_category_country of the analytics database (declared here:
-- its password comes from .env, and the table is created from this declaration when it does not exist). `verify`
-- reconciles both with the same GROUP BY over PostgreSQL as the Streams pipeline's output.
CREATE TABLE sql_revenue_by_category_country_jdbc (
    category STRING NOT NULL,
    country STRING NOT NULL,
    revenue DECIMAL(18, 2) NOT NULL,
    order_count BIGINT NOT NULL,
    PRIMARY KEY (category, country) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'url' = 'jdbc:postgresql://${POSTGRES_HOST}:${POSTGRES_PORT}/${ANALYTICS_DB}',
    'table-name' = 'sql_revenue_by_category_country',
    'username' = '${POSTGRES_USER}',
    'password' = '${POSTGRES_PASSWORD}'
);

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

-- The table follows the topic, not the join: a crash replays committed upserts into it, never a lost run's groups.
INSERT INTO sql_revenue_by_category_country_jdbc SELECT * FROM sql_revenue_by_category_country;
