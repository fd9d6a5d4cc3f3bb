package com.vaticprop.core.privacy;

import com.vaticprop.core.admin.AdminAuditLog;
import com.vaticprop.core.identity.AccountErasure;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.platform.web.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Deleting an account: personal data is removed, records the firm must keep stay, all in one transaction.
 * <ul>
 *   <li>removed: e-mail, display name, password, sessions' validity, one-time tokens, TOTP secret, recovery codes
 *       ({@link AccountErasure}); and the personal fields Stripe put into stored webhook payloads (customer e-mail,
 *       name, address, card and billing details) — each payload is reduced to the ids, amounts and statuses;</li>
 *   <li>kept, under the user's id (which no longer leads to a person): purchases and refunds with their amounts and
 *       Stripe ids (accounting, chargebacks), assessments with their accounts, orders, trades, positions, rule checks
 *       and violations (the record of what was sold and decided), events, and the admin audit trail.</li>
 * </ul>
 * Refused while the user has an assessment that is not finished (CREATED, ACTIVE, PAUSED — abandon it first) or a
 * purchase still awaiting payment, so nothing can complete for a deleted account.
 */
@Service
class AccountDeletion {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletion.class);

    private final AccountErasure erasure;
    private final AdminAuditLog audit;
    private final JdbcClient jdbc;
    private final Transactions transactions;
    private final Clock clock;

    AccountDeletion(AccountErasure erasure, AdminAuditLog audit, JdbcClient jdbc, Transactions transactions,
                    Clock clock) {
        this.erasure = erasure;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Deletes the account; {@code admin} is the acting admin (audited) or null when users delete themselves. */
    void delete(UUID userId, UUID admin, String reason) {
        transactions.run(() -> {
            Instant now = clock.instant();
            String role = erasure.activeRole(userId).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND,
                    "not-found", "No such user."));
            long open = jdbc.sql("""
                            SELECT count(*) FROM assessments
                            WHERE user_id = ? AND status IN ('CREATED', 'ACTIVE', 'PAUSED')""")
                    .param(userId).query(Long.class).single();
            if (open > 0) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "open-assessments",
                        "The account has " + open + " assessment(s) not finished yet; abandon them first.");
            }
            long pending = jdbc.sql("SELECT count(*) FROM purchases WHERE user_id = ? AND status = 'PENDING'")
                    .param(userId).query(Long.class).single();
            if (pending > 0) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "pending-purchases",
                        "The account has a purchase awaiting payment; try again once its checkout has closed.");
            }
            erasure.erase(userId, now);
            jdbc.sql("""
                            SELECT e.id, e.payload FROM stripe_events e JOIN purchases p ON p.id = e.purchase_id
                            WHERE p.user_id = ?""").param(userId)
                    .query((rs, n) -> Map.entry(rs.getString("id"), rs.getString("payload"))).list()
                    .forEach(e -> jdbc.sql("UPDATE stripe_events SET payload = CAST(? AS JSONB) WHERE id = ?")
                            .params(redact(e.getValue()), e.getKey()).update());
            if (admin != null) {
                audit.record(admin, "user.delete", userId.toString(), Map.of("role", role),
                        Map.of("deleted", true), reason);
            }
        });
        log.info("account deleted user={}{}", userId, admin == null ? " (by the user)" : " by admin " + admin);
    }

    /** A Stripe event reduced to what accounting needs: ids, type, amounts, currency and statuses. */
    static String redact(String payload) {
        JsonNode event = VaticJson.mapper().readTree(payload);
        ObjectNode out = VaticJson.mapper().createObjectNode();
        for (String f : new String[]{"id", "object", "type", "created", "api_version", "livemode"}) {
            if (event.has(f)) {
                out.set(f, event.get(f));
            }
        }
        JsonNode object = event.path("data").path("object");
        ObjectNode kept = out.putObject("data").putObject("object");
        for (String f : new String[]{"id", "object", "amount", "amount_total", "amount_subtotal", "amount_refunded",
                "currency", "payment_status", "status", "payment_intent", "refunded", "paid", "mode", "metadata",
                "client_reference_id"}) {
            if (object.has(f)) {
                kept.set(f, object.get(f));
            }
        }
        out.put("redacted", true);
        return out.toString();
    }
}
