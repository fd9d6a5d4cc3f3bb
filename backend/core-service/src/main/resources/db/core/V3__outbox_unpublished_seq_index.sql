-- The relay's head check ("no unpublished row of this assessment with a lower seq") and its follower scan read only
-- unpublished rows of one assessment; without this index they walk every published seq of a long-lived assessment.
-- Partial indexes are supported by PostgreSQL and CockroachDB. Numbered V3 so that a V2 added on main meanwhile
-- (tiers) does not clash.
CREATE INDEX outbox_unpublished_seq_idx ON outbox (assessment_id, seq) WHERE published_at IS NULL;
