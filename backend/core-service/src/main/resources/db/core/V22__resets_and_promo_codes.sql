-- Issue 10: paid resets (a fresh attempt after a FAILED assessment, at the tier's reset price) and promotion codes.

-- Promotion codes: a percentage or a fixed amount off, valid in [valid_from, valid_until), optionally capped in
-- total and per user. A use is a purchase naming the code that is PENDING or COMPLETED (an expired, failed or
-- refunded purchase gives its use back). In STRIPE mode each code mirrors a Stripe coupon + promotion code.
CREATE TABLE promo_codes (
    id                        UUID           NOT NULL PRIMARY KEY,
    code                      VARCHAR(40)    NOT NULL,  -- upper case
    kind                      VARCHAR(8)     NOT NULL CHECK (kind IN ('PERCENT', 'AMOUNT')),
    percent_off               NUMERIC(20, 8) CHECK (percent_off > 0 AND percent_off < 100),
    amount_off                NUMERIC(20, 8) CHECK (amount_off > 0),
    currency                  CHAR(3),
    applies_to                VARCHAR(8)     NOT NULL CHECK (applies_to IN ('ANY', 'TIER', 'RESET')),
    valid_from                TIMESTAMPTZ    NOT NULL,
    valid_until               TIMESTAMPTZ,
    max_redemptions           INT CHECK (max_redemptions >= 1),
    max_per_user              INT CHECK (max_per_user >= 1),
    active                    BOOLEAN        NOT NULL,
    stripe_coupon_id          VARCHAR(255),
    stripe_promotion_code_id  VARCHAR(255),
    created_by                UUID           NOT NULL REFERENCES users (id),
    created_at                TIMESTAMPTZ    NOT NULL,
    updated_at                TIMESTAMPTZ    NOT NULL,
    CONSTRAINT promo_codes_code_key UNIQUE (code),
    CONSTRAINT promo_codes_amount_shape CHECK ((kind = 'PERCENT' AND percent_off IS NOT NULL AND amount_off IS NULL)
        OR (kind = 'AMOUNT' AND amount_off IS NOT NULL AND currency IS NOT NULL AND percent_off IS NULL))
);

ALTER TABLE purchases ADD COLUMN kind VARCHAR(8) NOT NULL DEFAULT 'TIER' CHECK (kind IN ('TIER', 'RESET'));
-- the FAILED assessment a RESET purchase retakes (the fresh attempt is the assessment whose purchase_id is this row)
ALTER TABLE purchases ADD COLUMN reset_of UUID REFERENCES assessments (id);
-- the price before the discount and the discount; amount (what must be paid) = list_price - discount
ALTER TABLE purchases ADD COLUMN list_price NUMERIC(20, 8);
ALTER TABLE purchases ADD COLUMN discount NUMERIC(20, 8);
ALTER TABLE purchases ADD COLUMN promo_code_id UUID REFERENCES promo_codes (id);

-- one open or completed reset per failed assessment (a failed, expired or refunded one may be bought again)
CREATE UNIQUE INDEX purchases_open_reset_key ON purchases (reset_of) WHERE status IN ('PENDING', 'COMPLETED');
CREATE INDEX purchases_promo_code_idx ON purchases (promo_code_id, status);
