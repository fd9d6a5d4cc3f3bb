package com.vaticprop.core.purchase;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code purchases}; every method runs in the caller's transaction. */
@Repository
class PurchaseRepository {

    private static final String SELECT = """
            SELECT p.*, a.id AS assessment_id, c.code AS promo_code
            FROM purchases p LEFT JOIN assessments a ON a.purchase_id = p.id
                             LEFT JOIN promo_codes c ON c.id = p.promo_code_id
            """;

    private static final RowMapper<Purchase> ROW = (rs, n) -> new Purchase(Sql.uuid(rs, "id"),
            Sql.uuid(rs, "user_id"), Sql.uuid(rs, "tier_id"), rs.getInt("tier_version"),
            MinorUnits.atCurrencyScale(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getString("currency"), PurchaseStatus.valueOf(rs.getString("status")),
            PaymentMethod.valueOf(rs.getString("payment_method")), rs.getString("stripe_checkout_session_id"),
            rs.getString("stripe_payment_intent_id"), rs.getString("checkout_url"), rs.getString("failure_reason"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "completed_at"),
            Sql.instant(rs, "refunded_at"), Sql.uuid(rs, "assessment_id"), PurchaseKind.valueOf(rs.getString("kind")),
            Sql.uuid(rs, "reset_of"), money(rs.getBigDecimal("list_price"), rs.getString("currency")),
            money(rs.getBigDecimal("discount"), rs.getString("currency")), Sql.uuid(rs, "promo_code_id"),
            rs.getString("promo_code"));

    private static java.math.BigDecimal money(java.math.BigDecimal amount, String currency) {
        return amount == null ? null : MinorUnits.atCurrencyScale(amount, currency);
    }

    private final JdbcClient jdbc;

    PurchaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Purchase p) {
        jdbc.sql("""
                        INSERT INTO purchases (id, user_id, tier_id, tier_version, amount, currency, status,
                                               payment_method, created_at, updated_at, kind, reset_of, list_price,
                                               discount, promo_code_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.userId(), p.tierId(), p.tierVersion(), p.amount(), p.currency(), p.status().name(),
                        p.paymentMethod().name(), Sql.ts(p.createdAt()), Sql.ts(p.updatedAt()), p.kind().name(),
                        p.resetOf(), p.listPrice(), p.discount(), p.promoCodeId())
                .update();
    }

    Optional<Purchase> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE p.id = ?").param(id).query(ROW).optional();
    }

    /** The purchase, its row locked until the transaction ends: webhooks for one purchase apply one at a time. */
    Optional<Purchase> lock(UUID id) {
        jdbc.sql("SELECT id FROM purchases WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional();
        return find(id);
    }

    /** The user's purchases, newest first; {@code before} (exclusive) pages backwards by creation time. */
    List<Purchase> listForUser(UUID userId, Instant before, int limit) {
        if (before == null) {
            return jdbc.sql(SELECT + "WHERE p.user_id = ? ORDER BY p.created_at DESC, p.id LIMIT ?")
                    .params(userId, limit).query(ROW).list();
        }
        return jdbc.sql(SELECT + "WHERE p.user_id = ? AND p.created_at < ? ORDER BY p.created_at DESC, p.id LIMIT ?")
                .params(userId, Sql.ts(before), limit).query(ROW).list();
    }

    /** The open or completed reset purchase of a failed assessment, if any. */
    Optional<Purchase> openResetOf(UUID assessmentId) {
        return jdbc.sql(SELECT + "WHERE p.reset_of = ? AND p.status IN ('PENDING', 'COMPLETED')")
                .param(assessmentId).query(ROW).optional();
    }

    /** What a reset needs to know about the assessment to retake: owner, tier and status. */
    record ResetTarget(UUID assessmentId, UUID userId, UUID tierId, String status) {
    }

    Optional<ResetTarget> resetTarget(UUID assessmentId) {
        return jdbc.sql("SELECT id, user_id, tier_id, status FROM assessments WHERE id = ?").param(assessmentId)
                .query((rs, n) -> new ResetTarget(Sql.uuid(rs, "id"), Sql.uuid(rs, "user_id"),
                        Sql.uuid(rs, "tier_id"), rs.getString("status"))).optional();
    }

    Optional<UUID> idByCheckoutSession(String sessionId) {
        return jdbc.sql("SELECT id FROM purchases WHERE stripe_checkout_session_id = ?").param(sessionId)
                .query(UUID.class).optional();
    }

    Optional<UUID> idByPaymentIntent(String paymentIntentId) {
        return jdbc.sql("SELECT id FROM purchases WHERE stripe_payment_intent_id = ?").param(paymentIntentId)
                .query(UUID.class).optional();
    }

    Optional<String> email(UUID userId) {
        return jdbc.sql("SELECT email FROM users WHERE id = ?").param(userId).query(String.class).optional();
    }

    void attachCheckout(UUID id, String sessionId, String url, String paymentIntentId, Instant now) {
        jdbc.sql("""
                        UPDATE purchases SET stripe_checkout_session_id = ?, checkout_url = ?,
                               stripe_payment_intent_id = COALESCE(stripe_payment_intent_id, ?), updated_at = ?
                        WHERE id = ?""")
                .params(sessionId, url, paymentIntentId, Sql.ts(now), id).update();
    }

    /** Remembers the PaymentIntent the first time an event names it (refunds arrive as charges naming only it). */
    void rememberPaymentIntent(UUID id, String paymentIntentId, Instant now) {
        jdbc.sql("""
                        UPDATE purchases SET stripe_payment_intent_id = ?, updated_at = ?
                        WHERE id = ? AND stripe_payment_intent_id IS NULL""")
                .params(paymentIntentId, Sql.ts(now), id).update();
    }

    void complete(UUID id, Instant now) {
        jdbc.sql("""
                        UPDATE purchases SET status = 'COMPLETED', failure_reason = NULL, completed_at = ?,
                               updated_at = ?
                        WHERE id = ?""")
                .params(Sql.ts(now), Sql.ts(now), id).update();
    }

    void end(UUID id, PurchaseStatus status, String reason, Instant now) {
        jdbc.sql("UPDATE purchases SET status = ?, failure_reason = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), truncate(reason), Sql.ts(now), id).update();
    }

    /** A failed attempt that the trader may retry within the same checkout: the purchase stays PENDING. */
    void noteFailedAttempt(UUID id, String reason, Instant now) {
        jdbc.sql("UPDATE purchases SET failure_reason = ?, updated_at = ? WHERE id = ?")
                .params(truncate(reason), Sql.ts(now), id).update();
    }

    void refunded(UUID id, Instant now) {
        jdbc.sql("UPDATE purchases SET status = 'REFUNDED', refunded_at = ?, updated_at = ? WHERE id = ?")
                .params(Sql.ts(now), Sql.ts(now), id).update();
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 255 ? reason : reason.substring(0, 255);
    }
}
