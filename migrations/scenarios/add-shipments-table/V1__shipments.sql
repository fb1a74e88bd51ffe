-- A table created while the platform streams, captured from its first row: created and added to the publication in
-- one transaction, so every row inserted after the commit is in the WAL Debezium decodes for the publication, and
-- Debezium's table.include.list (every table of schema public) covers it already. No restart, no connector change.
CREATE TABLE public.shipments (
    id             bigserial    PRIMARY KEY,
    -- ON DELETE CASCADE like order_items and payments: the seeder deletes cancelled orders.
    order_id       bigint       NOT NULL REFERENCES public.orders (id) ON DELETE CASCADE,
    carrier        text         NOT NULL,
    tracking_code  text         NOT NULL,
    shipped_at     timestamptz  NOT NULL DEFAULT now()
);

-- Like every captured table: an update or delete event carries the whole old row.
ALTER TABLE public.shipments REPLICA IDENTITY FULL;

ALTER PUBLICATION "${debezium_publication}" ADD TABLE public.shipments;
