-- The storefront OLTP schema: what the seeder writes and Debezium captures.
-- updated_at is kept by the writer (the seeder), so CDC shows when and what changed.

CREATE TABLE customers (
    id          bigserial    PRIMARY KEY,
    full_name   text         NOT NULL,
    email       text         NOT NULL UNIQUE,
    address     text         NOT NULL,
    city        text         NOT NULL,
    country     text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE products (
    id              bigserial      PRIMARY KEY,
    name            text           NOT NULL,
    category        text           NOT NULL,
    price           numeric(10, 2) NOT NULL CHECK (price >= 0),
    stock_quantity  integer        NOT NULL CHECK (stock_quantity >= 0),
    created_at      timestamptz    NOT NULL DEFAULT now(),
    updated_at      timestamptz    NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id           bigserial      PRIMARY KEY,
    customer_id  bigint         NOT NULL REFERENCES customers (id),
    status       text           NOT NULL CHECK (status IN ('pending', 'shipped', 'delivered', 'cancelled')),
    total        numeric(12, 2) NOT NULL CHECK (total >= 0),
    created_at   timestamptz    NOT NULL DEFAULT now(),
    updated_at   timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);

-- Items and payments belong to their order: deleting an order deletes them (CDC shows each delete).
CREATE TABLE order_items (
    id                 bigserial      PRIMARY KEY,
    order_id           bigint         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id         bigint         NOT NULL REFERENCES products (id),
    quantity           integer        NOT NULL CHECK (quantity > 0),
    price_at_purchase  numeric(10, 2) NOT NULL CHECK (price_at_purchase >= 0)
);
CREATE INDEX order_items_order_id_idx ON order_items (order_id);
CREATE INDEX order_items_product_id_idx ON order_items (product_id);

CREATE TABLE payments (
    id              bigserial      PRIMARY KEY,
    order_id        bigint         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    payment_method  text           NOT NULL,
    amount          numeric(12, 2) NOT NULL CHECK (amount >= 0),
    status          text           NOT NULL CHECK (status IN ('paid', 'pending', 'failed')),
    paid_at         timestamptz,
    updated_at      timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX payments_order_id_idx ON payments (order_id);

-- Full before-images on update and delete: history tables and consumers see what a row was,
-- not only its key (the default replica identity logs just the primary key of a deleted row).
ALTER TABLE customers   REPLICA IDENTITY FULL;
ALTER TABLE products    REPLICA IDENTITY FULL;
ALTER TABLE orders      REPLICA IDENTITY FULL;
ALTER TABLE order_items REPLICA IDENTITY FULL;
ALTER TABLE payments    REPLICA IDENTITY FULL;
