-- The outbox pruner deletes rows published longer ago than the retention; this index keeps that scan off the rows
-- still waiting for the relay. Partial indexes are supported by PostgreSQL and CockroachDB.
CREATE INDEX outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL;
