-- The SQL layer's catalog, declared before every session and every submitted file, its placeholders filled from .env.
-- Sources: each captured table over its CDC topic, as a changelog (Debezium's envelope, Avro through the registry's
-- Confluent-compatible API); committed records only, as Debezium writes them in transactions. Sinks: the upsert
-- topics the shipped jobs write, under <prefix>.sql.* so nothing collides with the Streams pipeline's outputs.

CREATE TABLE customers (
    id BIGINT,
    full_name STRING,
    email STRING,
    address STRING,
    city STRING,
    country STRING,
    created_at STRING COMMENT 'ISO-8601 (Debezium ZonedTimestamp)',
    updated_at STRING COMMENT 'ISO-8601 (Debezium ZonedTimestamp)',
    PRIMARY KEY (id) NOT ENFORCED
) WITH (
    'connector' = 'kafka',
    'topic' = '${TOPIC_PREFIX}.public.customers',
    'properties.bootstrap.servers' = '${KAFKA_HOST}:${KAFKA_PORT}',
    'properties.isolation.level' = 'read_committed',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'debezium-avro-confluent',
    'value.debezium-avro-confluent.url' = 'http://${APICURIO_HOST}:${APICURIO_PORT}/apis/ccompat/v7'
);

CREATE TABLE products (
    id BIGINT,
    name STRING,
    category STRING,
    price DECIMAL(10, 2),
    stock_quantity INT,
    created_at STRING,
    updated_at STRING,
    PRIMARY KEY (id) NOT ENFORCED
) WITH (
    'connector' = 'kafka',
    'topic' = '${TOPIC_PREFIX}.public.products',
    'properties.bootstrap.servers' = '${KAFKA_HOST}:${KAFKA_PORT}',
    'properties.isolation.level' = 'read_committed',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'debezium-avro-confluent',
    'value.debezium-avro-confluent.url' = 'http://${APICURIO_HOST}:${APICURIO_PORT}/apis/ccompat/v7'
);

CREATE TABLE orders (
    id BIGINT,
    customer_id BIGINT,
    status STRING,
    total DECIMAL(12, 2),
    created_at STRING,
    updated_at STRING,
    PRIMARY KEY (id) NOT ENFORCED
) WITH (
    'connector' = 'kafka',
    'topic' = '${TOPIC_PREFIX}.public.orders',
    'properties.bootstrap.servers' = '${KAFKA_HOST}:${KAFKA_PORT}',
    'properties.isolation.level' = 'read_committed',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'debezium-avro-confluent',
    'value.debezium-avro-confluent.url' = 'http://${APICURIO_HOST}:${APICURIO_PORT}/apis/ccompat/v7'
);

CREATE TABLE order_items (
    id BIGINT,
    order_id BIGINT,
    product_id BIGINT,
    quantity INT,
    price_at_purchase DECIMAL(10, 2),
    PRIMARY KEY (id) NOT ENFORCED
) WITH (
    'connector' = 'kafka',
    'topic' = '${TOPIC_PREFIX}.public.order_items',
    'properties.bootstrap.servers' = '${KAFKA_HOST}:${KAFKA_PORT}',
    'properties.isolation.level' = 'read_committed',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'debezium-avro-confluent',
    'value.debezium-avro-confluent.url' = 'http://${APICURIO_HOST}:${APICURIO_PORT}/apis/ccompat/v7'
);

CREATE TABLE payments (
    id BIGINT,
    order_id BIGINT,
    payment_method STRING,
    amount DECIMAL(12, 2),
    status STRING,
    paid_at STRING,
    updated_at STRING,
    PRIMARY KEY (id) NOT ENFORCED
) WITH (
    'connector' = 'kafka',
    'topic' = '${TOPIC_PREFIX}.public.payments',
    'properties.bootstrap.servers' = '${KAFKA_HOST}:${KAFKA_PORT}',
    'properties.isolation.level' = 'read_committed',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'debezium-avro-confluent',
    'value.debezium-avro-confluent.url' = 'http://${APICURIO_HOST}:${APICURIO_PORT}/apis/ccompat/v7'
);

-- The outbox: logical decoding messages (op 'm', which the Debezium format refuses), read with the plain Avro
-- format; message.content is the bytes of the UTF-8 JSON the seeder emitted with the order.
CREATE TABLE outbox_messages (
    op STRING,
    ts_ms BIGINT,
    message ROW<prefix STRING, content BYTES>,
    kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL
) WITH (
    'connector' = 'kafka',
    'topic' = '${TOPIC_PREFIX}.message',
    'properties.bootstrap.servers' = '${KAFKA_HOST}:${KAFKA_PORT}',
    'properties.isolation.level' = 'read_committed',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = 'http://${APICURIO_HOST}:${APICURIO_PORT}/apis/ccompat/v7'
);

-- Sinks of the shipped jobs (flink-sql/jobs/): upsert topics, Avro key and value registered as <topic>-key/-value.
-- Written exactly once: each checkpoint commits a Kafka transaction, so a reader of committed records (verify, the
-- revenue job's own table) sees a job's output as of its checkpoints, and never what a run lost in a crash had
-- written after its last one (a join's intermediate group its next run, resumed from that checkpoint, may not form).
CREATE TABLE sql_revenue_by_category_country (
    category STRING NOT NULL,
    country STRING NOT NULL,
    revenue DECIMAL(18, 2) NOT NULL,
    order_count BIGINT NOT NULL,
    PRIMARY KEY (category, country) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${TOPIC_PREFIX}.sql.revenue_by_category_country',
    'properties.bootstrap.servers' = '${KAFKA_HOST}:${KAFKA_PORT}',
    'properties.isolation.level' = 'read_committed',
    'properties.transaction.timeout.ms' = '900000',
    'sink.delivery-guarantee' = 'exactly-once',
    'sink.transactional-id-prefix' = '${TOPIC_PREFIX}-sql-revenue-by-category-country',
    'key.format' = 'avro-confluent',
    'key.avro-confluent.url' = 'http://${APICURIO_HOST}:${APICURIO_PORT}/apis/ccompat/v7',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = 'http://${APICURIO_HOST}:${APICURIO_PORT}/apis/ccompat/v7'
);

CREATE TABLE sql_order_output (
    order_id BIGINT NOT NULL,
    client_name STRING NOT NULL,
    client_email STRING NOT NULL,
    client_country STRING NOT NULL,
    items ARRAY<ROW<product_id BIGINT, name STRING, category STRING, quantity INT, price DECIMAL(10, 2)>> NOT NULL,
    total DECIMAL(12, 2) NOT NULL,
    PRIMARY KEY (order_id) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${TOPIC_PREFIX}.sql.order_output',
    'properties.bootstrap.servers' = '${KAFKA_HOST}:${KAFKA_PORT}',
    'properties.isolation.level' = 'read_committed',
    'properties.transaction.timeout.ms' = '900000',
    'sink.delivery-guarantee' = 'exactly-once',
    'sink.transactional-id-prefix' = '${TOPIC_PREFIX}-sql-order-output',
    'key.format' = 'avro-confluent',
    'key.avro-confluent.url' = 'http://${APICURIO_HOST}:${APICURIO_PORT}/apis/ccompat/v7',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = 'http://${APICURIO_HOST}:${APICURIO_PORT}/apis/ccompat/v7'
);

CREATE TABLE sql_order_facts (
    order_id BIGINT NOT NULL,
    status STRING NOT NULL,
    total DECIMAL(12, 2) NOT NULL,
    item_count INT NOT NULL,
    customer_id BIGINT NOT NULL,
    customer_name STRING NOT NULL,
    customer_email STRING NOT NULL,
    customer_country STRING NOT NULL,
    items ARRAY<ROW<item_id BIGINT, product_id BIGINT, product_name STRING, category STRING, quantity INT,
        price DECIMAL(10, 2)>> COMMENT 'null for an order without lines',
    created_at STRING NOT NULL,
    updated_at STRING NOT NULL,
    PRIMARY KEY (order_id) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${TOPIC_PREFIX}.sql.order_facts',
    'properties.bootstrap.servers' = '${KAFKA_HOST}:${KAFKA_PORT}',
    'properties.isolation.level' = 'read_committed',
    'properties.transaction.timeout.ms' = '900000',
    'sink.delivery-guarantee' = 'exactly-once',
    'sink.transactional-id-prefix' = '${TOPIC_PREFIX}-sql-order-facts',
    'key.format' = 'avro-confluent',
    'key.avro-confluent.url' = 'http://${APICURIO_HOST}:${APICURIO_PORT}/apis/ccompat/v7',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = 'http://${APICURIO_HOST}:${APICURIO_PORT}/apis/ccompat/v7'
);
