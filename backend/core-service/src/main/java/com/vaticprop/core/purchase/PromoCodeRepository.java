package com.vaticprop.core.purchase;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code promo_codes} and their uses; every method runs in the caller's transaction. */
@Repository
class PromoCodeRepository {

    private static final RowMapper<PromoCode> ROW = (rs, n) -> new PromoCode(Sql.uuid(rs, "id"), rs.getString("code"),
            PromoCode.Kind.valueOf(rs.getString("kind")), strip(rs.getBigDecimal("percent_off")),
            rs.getBigDecimal("amount_off") == null ? null
                    : MinorUnits.atCurrencyScale(rs.getBigDecimal("amount_off"), rs.getString("currency")),
            rs.getString("currency"), PromoCode.AppliesTo.valueOf(rs.getString("applies_to")),
            Sql.instant(rs, "valid_from"), Sql.instant(rs, "valid_until"),
            (Integer) rs.getObject("max_redemptions"), (Integer) rs.getObject("max_per_user"),
            rs.getBoolean("active"), rs.getString("stripe_coupon_id"), rs.getString("stripe_promotion_code_id"),
            Sql.uuid(rs, "created_by"), Sql.instant(rs, "created_at"));

    private final JdbcClient jdbc;

    PromoCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the code exists; false when it does. */
    boolean insert(PromoCode p, Instant now) {
        return jdbc.sql("""
                        INSERT INTO promo_codes (id, code, kind, percent_off, amount_off, currency, applies_to,
                            valid_from, valid_until, max_redemptions, max_per_user, active, stripe_coupon_id,
                            stripe_promotion_code_id, created_by, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (code) DO NOTHING""")
                .params(p.id(), p.code(), p.kind().name(), p.percentOff(), p.amountOff(), p.currency(),
                        p.appliesTo().name(), Sql.ts(p.validFrom()), Sql.ts(p.validUntil()), p.maxRedemptions(),
                        p.maxPerUser(), p.active(), p.stripeCouponId(), p.stripePromotionCodeId(), p.createdBy(),
                        Sql.ts(now), Sql.ts(now))
                .update() == 1;
    }

    Optional<PromoCode> find(UUID id) {
        return jdbc.sql("SELECT * FROM promo_codes WHERE id = ?").param(id).query(ROW).optional();
    }

    boolean codeExists(String code) {
        return jdbc.sql("SELECT count(*) FROM promo_codes WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    /** The code, its row locked until the transaction ends: uses are counted and taken one purchase at a time. */
    Optional<PromoCode> lockByCode(String code) {
        return jdbc.sql("SELECT * FROM promo_codes WHERE code = ? FOR UPDATE").param(code).query(ROW).optional();
    }

    List<PromoCode> list() {
        return jdbc.sql("SELECT * FROM promo_codes ORDER BY created_at DESC").query(ROW).list();
    }

    void setActive(UUID id, boolean active, Instant now) {
        jdbc.sql("UPDATE promo_codes SET active = ?, updated_at = ? WHERE id = ?")
                .params(active, Sql.ts(now), id).update();
    }

    /** Uses: purchases naming the code that are PENDING or COMPLETED (optionally of one user). */
    long uses(UUID promoCodeId, UUID userId) {
        if (userId == null) {
            return jdbc.sql("""
                            SELECT count(*) FROM purchases
                            WHERE promo_code_id = ? AND status IN ('PENDING', 'COMPLETED')""")
                    .param(promoCodeId).query(Long.class).single();
        }
        return jdbc.sql("""
                        SELECT count(*) FROM purchases
                        WHERE promo_code_id = ? AND user_id = ? AND status IN ('PENDING', 'COMPLETED')""")
                .params(promoCodeId, userId).query(Long.class).single();
    }

    private static java.math.BigDecimal strip(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0)
                : value.stripTrailingZeros();
    }
}
