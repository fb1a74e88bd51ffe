-- customers.email renamed to email_address: to every reader a dropped column and a new one, and the pipeline reads
-- email (order facts): refused by the pre-flight, nothing applied.
ALTER TABLE public.customers RENAME COLUMN email TO email_address;
