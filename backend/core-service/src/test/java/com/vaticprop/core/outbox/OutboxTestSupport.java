package com.vaticprop.core.outbox;

import com.vaticprop.core.support.Sql;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.events.data.PurchaseEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Rows an outbox test needs (a user, a tier version, assessments). */
public final class OutboxTestSupport {

    private OutboxTestSupport() {
    }

    /** A fresh assessment (with its user and tier) at last_seq 0. */
    static UUID newAssessment(JdbcClient jdbc) {
        UUID user = UUID.randomUUID();
        UUID tier = UUID.randomUUID();
        UUID assessment = UUID.randomUUID();
        var now = Sql.ts(Instant.now());
        jdbc.sql("INSERT INTO users (id, email, password_hash, role, status, created_at, updated_at) "
                        + "VALUES (?, ?, 'x', 'TRADER', 'ACTIVE', ?, ?)")
                .params(user, user + "@example.com", now, now).update();
        jdbc.sql("INSERT INTO tiers (id, slug, active, current_version, created_at, updated_at) "
                        + "VALUES (?, ?, true, 1, ?, ?)")
                .params(tier, "t-" + tier, now, now).update();
        jdbc.sql("INSERT INTO tier_versions (tier_id, version, name, price, currency, rule_set, created_at) "
                        + "VALUES (?, 1, 'Test', 100, 'USD', CAST('{}' AS JSONB), ?)")
                .params(tier, now).update();
        jdbc.sql("""
                        INSERT INTO assessments (id, user_id, tier_id, tier_version, rule_set, status, phase_index,
                                                 phase_name, funded_eligible, last_seq, version, created_at, updated_at)
                        VALUES (?, ?, ?, 1, CAST('{}' AS JSONB), 'CREATED', 0, 'Phase 1', false, 0, 0, ?, ?)""")
                .params(assessment, user, tier, now, now).update();
        return assessment;
    }

    static AssessmentStateChanged stateChange(String reason) {
        return new AssessmentStateChanged(Instant.now(), 0, reason);
    }

    static PurchaseEvent purchase() {
        return new PurchaseEvent(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, new BigDecimal("99.00"),
                "USD", null);
    }
}
