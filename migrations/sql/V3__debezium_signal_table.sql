-- Debezium's signal table: `./platform snapshot TABLE` inserts an execute-snapshot signal here, Debezium reads it from
-- the WAL (the publication carries it) and re-reads the table in chunks while it streams (an incremental snapshot).
-- Debezium also writes here itself: each chunk is framed by two watermark rows it inserts, which is how it tells a
-- row it read from a change that streamed meanwhile. So the CDC role may insert into this table, and only into it:
-- read-only incremental snapshots would need no table, but they require the Kafka signal channel and failed here
-- (docs/architecture.md, "Ad-hoc snapshots"). The table lives in schema debezium so that it is no storefront table:
-- not a `<prefix>.public.*` topic, no history table, not reconciled. Owner: dev.storefront.contract.DebeziumSignals.

CREATE SCHEMA debezium;

-- The layout Debezium requires: id, type, data, in this order.
CREATE TABLE debezium.signals (
    id    varchar(42)   PRIMARY KEY,
    type  varchar(32)   NOT NULL,
    data  varchar(2048)
);

GRANT USAGE ON SCHEMA debezium TO "${debezium_user}";
GRANT SELECT, INSERT ON debezium.signals TO "${debezium_user}";

ALTER PUBLICATION "${debezium_publication}" ADD TABLE debezium.signals;
