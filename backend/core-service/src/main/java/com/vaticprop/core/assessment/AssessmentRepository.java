package com.vaticprop.core.assessment;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code assessments} and {@code virtual_accounts}; every method runs inside the caller's transaction. */
@Repository
public class AssessmentRepository {

    /** The columns a state change needs, read with {@code FOR UPDATE}. */
    public record StatusRow(UUID id, UUID userId, AssessmentStatus status, int phaseIndex) {
    }

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertAssessment(UUID id, NewAssessment spec, String phaseName, Instant now) {
        jdbc.sql("""
                        INSERT INTO assessments (id, user_id, purchase_id, tier_id, tier_version, rule_set, status,
                                                 phase_index, phase_name, funded_eligible, last_seq, version,
                                                 created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, CAST(? AS JSONB), 'CREATED', 0, ?, false, 0, 0, ?, ?)""")
                .params(id, spec.userId(), spec.purchaseId(), spec.tierId(), spec.tierVersion(), spec.ruleSetJson(),
                        phaseName, Sql.ts(now), Sql.ts(now))
                .update();
    }

    /** A phase's virtual account, funded with the phase's initial balance. */
    public void insertAccount(UUID id, UUID assessmentId, int phaseIndex, String currency, BigDecimal initialBalance,
                       Instant now) {
        jdbc.sql("""
                        INSERT INTO virtual_accounts (id, assessment_id, phase_index, currency, initial_balance,
                                                      balance, realized_pnl, fees_paid, state_version, created_at,
                                                      updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)""")
                .params(id, assessmentId, phaseIndex, currency, initialBalance, initialBalance, Sql.ts(now),
                        Sql.ts(now))
                .update();
    }

    public Optional<StatusRow> lockByPurchase(UUID purchaseId) {
        return jdbc.sql("SELECT id, user_id, status, phase_index FROM assessments WHERE purchase_id = ? FOR UPDATE")
                .param(purchaseId)
                .query((rs, n) -> new StatusRow(Sql.uuid(rs, "id"), Sql.uuid(rs, "user_id"),
                        AssessmentStatus.valueOf(rs.getString("status")), rs.getInt("phase_index")))
                .optional();
    }

    void markAbandoned(UUID id, String reason, Instant now) {
        jdbc.sql("""
                        UPDATE assessments SET status = 'ABANDONED', abandon_reason = ?, ended_at = ?, updated_at = ?,
                               version = version + 1
                        WHERE id = ?""")
                .params(reason, Sql.ts(now), Sql.ts(now), id)
                .update();
    }
}
