package com.vaticprop.core.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything core-service holds about one user, as JSON (GDPR art. 15/20): the profile, sessions, purchases, every
 * assessment with its accounts, orders, trades, positions, violations, rule checks and events, and the admin audit
 * entries about the user. Left out: secrets and their hashes (password, refresh tokens, one-time tokens, TOTP secret,
 * recovery codes) and the engine's internal state snapshot, which are not information about the user.
 */
@Component
class DataExport {

    private static final Set<String> USER_OMIT = Set.of("password_hash");
    private static final Set<String> SESSION_OMIT = Set.of("token_hash", "replaced_by");
    private static final Set<String> ASSESSMENT_OMIT = Set.of("engine_state");
    private static final Set<String> NONE = Set.of();

    private final JdbcClient jdbc;
    private final Clock clock;

    DataExport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Map<String, Object> export(UUID userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exportedAt", clock.instant().toString());
        out.put("user", RowsJson.convert(rows("SELECT * FROM users WHERE id = ?", userId), USER_OMIT).getFirst());
        out.put("twoFactorEnabled", !rows("SELECT user_id FROM user_totp WHERE user_id = ? AND confirmed_at IS NOT NULL",
                userId).isEmpty());
        out.put("sessions", RowsJson.convert(rows("SELECT * FROM sessions WHERE user_id = ? ORDER BY created_at",
                userId), SESSION_OMIT));
        out.put("purchases", RowsJson.convert(rows("""
                SELECT p.*, c.code AS promo_code FROM purchases p LEFT JOIN promo_codes c ON c.id = p.promo_code_id
                WHERE p.user_id = ? ORDER BY p.created_at""", userId), NONE));
        List<Map<String, Object>> assessments = new ArrayList<>();
        for (Map<String, Object> a : rows("SELECT * FROM assessments WHERE user_id = ? ORDER BY created_at",
                userId)) {
            UUID id = (UUID) a.get("id");
            Map<String, Object> item = RowsJson.convert(a, ASSESSMENT_OMIT);
            item.put("accounts", child("virtual_accounts", id, "phase_index", Set.of("engine_state")));
            item.put("orders", child("orders", id, "created_at", NONE));
            item.put("trades", child("trades", id, "executed_at", NONE));
            item.put("positions", child("positions", id, "opened_at", NONE));
            item.put("violations", child("violations", id, "detected_at", NONE));
            item.put("ruleChecks", child("rule_checks", id, "checked_at", NONE));
            item.put("events", RowsJson.convert(rows("""
                    SELECT seq, event_type, payload, created_at FROM outbox WHERE assessment_id = ? ORDER BY seq""",
                    id), NONE));
            assessments.add(item);
        }
        out.put("assessments", assessments);
        out.put("auditEntriesAboutYou", RowsJson.convert(rows("""
                SELECT seq, at, action, subject, before, after, reason FROM admin_audit
                WHERE subject = ? ORDER BY seq""", userId.toString()), NONE));
        return out;
    }

    private List<Map<String, Object>> child(String table, UUID assessmentId, String order, Set<String> omit) {
        return RowsJson.convert(rows("SELECT * FROM " + table + " WHERE assessment_id = ? ORDER BY " + order,
                assessmentId), omit);
    }

    private List<Map<String, Object>> rows(String sql, Object param) {
        return jdbc.sql(sql).param(param).query().listOfRows();
    }
}
