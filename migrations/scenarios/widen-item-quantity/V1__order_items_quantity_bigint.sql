-- order_items.quantity widened from integer to bigint: the new schema's long reads the old ints (BACKWARD), the
-- pipeline reads whole numbers of any width, order_items_cdc.quantity stays integer (the JDBC sink never alters a
-- type) and takes every value that fits it.
ALTER TABLE public.order_items ALTER COLUMN quantity TYPE bigint;
