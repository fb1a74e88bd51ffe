-- The shop's work queues: the open orders to ship or deliver, the cancelled orders to purge and the payments to
-- settle, each a partial index of the ids in that state. The seeder's deltas pick random rows of each queue (first
-- match after a random id); without these the pick walks the primary key past every row in another state, and a
-- long run empties the queues' old id ranges, so one pick came to read 14,000-34,000 rows and a delta tick of 40
-- operations took a second (docs/performance.md, "seeder deltas at 2,000 operations/s"). Each index holds only the
-- rows in its state.
CREATE INDEX orders_open_idx ON orders (id) WHERE status IN ('pending', 'shipped');
CREATE INDEX orders_cancelled_idx ON orders (id) WHERE status = 'cancelled';
CREATE INDEX payments_pending_idx ON payments (id) WHERE status = 'pending';
