-- orders gains channel, NOT NULL with a constant default ('web'): existing rows read the default without a rewrite,
-- Debezium declares the default in the new (BACKWARD compatible) schema, and orders_cdc gains the column.
ALTER TABLE public.orders ADD COLUMN channel text NOT NULL DEFAULT 'web';
