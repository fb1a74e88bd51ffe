-- The least-privilege role Debezium connects as, and the publication it reads.
-- Flyway placeholders (set from .env): debezium_user, debezium_password, debezium_publication.
-- The role may log in, replicate, connect and read the storefront tables, and nothing more:
-- no table ownership, no writes, no superuser (Debezium uses the publication created here).

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${debezium_user}') THEN
        CREATE ROLE "${debezium_user}" WITH LOGIN REPLICATION PASSWORD '${debezium_password}';
    ELSE
        ALTER ROLE "${debezium_user}" WITH LOGIN REPLICATION PASSWORD '${debezium_password}';
    END IF;
END
$$;

GRANT CONNECT ON DATABASE "${flyway:database}" TO "${debezium_user}";
GRANT USAGE ON SCHEMA public TO "${debezium_user}";
GRANT SELECT ON customers, products, orders, order_items, payments TO "${debezium_user}";
-- Tables that later migrations create are readable too (add them to the publication there).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO "${debezium_user}";

CREATE PUBLICATION "${debezium_publication}" FOR TABLE customers, products, orders, order_items, payments;
