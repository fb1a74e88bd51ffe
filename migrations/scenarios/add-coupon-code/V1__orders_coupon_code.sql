-- orders gains a nullable coupon_code: Debezium registers a new (BACKWARD compatible) schema version with the
-- next change of orders, the pipeline reads on, and the history sink adds the column to orders_cdc.
ALTER TABLE public.orders ADD COLUMN coupon_code text;
