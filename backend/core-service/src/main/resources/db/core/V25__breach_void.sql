-- Issue 10: an admin voids a breach caused by a bad tick and the assessment returns to its pre-breach state. What the
-- bad tick and the liquidation did stays on record, marked voided (never deleted: the audit trail must show it), and
-- no longer counts: trade and position lists, booked totals and replays skip voided rows.
ALTER TABLE trades ADD COLUMN voided_at TIMESTAMPTZ;
ALTER TABLE positions ADD COLUMN voided_at TIMESTAMPTZ;
ALTER TABLE orders ADD COLUMN voided_at TIMESTAMPTZ;
