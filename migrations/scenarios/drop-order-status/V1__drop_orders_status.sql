-- orders loses status, which the pipeline reads (facts, analytics): refused by the pre-flight, nothing applied.
-- The registry alone would accept it: under BACKWARD a new schema may drop a field.
ALTER TABLE public.orders DROP COLUMN status;
