-- The outbox (seed 004): each new order's logical decoding message, decoded from its JSON into the upsert topic
-- <prefix>.sql.order_output, keyed by order. The seed decoded base64 text; here message.content is the UTF-8 JSON
-- itself. Messages of other prefixes, of other types or without an order id are left out.
INSERT INTO sql_order_output
SELECT order_id,
       client_name,
       client_email,
       client_country,
       ARRAY_AGG(ROW(
           CAST(JSON_VALUE(item, '$.product_id') AS BIGINT),
           JSON_VALUE(item, '$.name'),
           JSON_VALUE(item, '$.category'),
           CAST(JSON_VALUE(item, '$.quantity') AS INT),
           CAST(JSON_VALUE(item, '$.price') AS DECIMAL(10, 2)))),
       total
FROM (
    SELECT CAST(JSON_VALUE(body, '$.order_id') AS BIGINT) AS order_id,
           JSON_VALUE(body, '$.customer.full_name') AS client_name,
           JSON_VALUE(body, '$.customer.email') AS client_email,
           JSON_VALUE(body, '$.customer.country') AS client_country,
           CAST(JSON_VALUE(body, '$.total') AS DECIMAL(12, 2)) AS total,
           JSON_QUERY(body, '$.items' RETURNING ARRAY<STRING>) AS items
    FROM (
        SELECT CAST(message.content AS STRING) AS body
        FROM outbox_messages
        WHERE message.prefix = '${OUTBOX_PREFIX}'
    )
    WHERE JSON_VALUE(body, '$.type') = 'order.created'
) CROSS JOIN UNNEST(items) AS line (item)
WHERE order_id IS NOT NULL
GROUP BY order_id, client_name, client_email, client_country, total;
