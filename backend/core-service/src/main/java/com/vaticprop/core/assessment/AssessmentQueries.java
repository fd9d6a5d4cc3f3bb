package com.vaticprop.core.assessment;

import com.vaticprop.core.engine.LiveAssessments;
import com.vaticprop.core.support.Sql;
import com.vaticprop.core.web.Caller;
import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.rules.RuleCheck;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of assessments: lists with cursor pagination, and one assessment with its live account and rules. */
@Service
public class AssessmentQueries {

    /** A page and the cursor of the next one (null at the end). */
    public record Page(List<AssessmentView> items, String nextCursor) {
    }

    private static final String COLUMNS = """
            SELECT a.id, a.user_id, a.purchase_id, a.tier_id, a.tier_version, a.status, a.phase_index, a.phase_name,
                   jsonb_array_length(a.rule_set -> 'phases') AS phase_count, a.result_reason, a.abandon_reason,
                   a.funded_eligible, a.created_at, a.started_at, a.ended_at
            FROM assessments a
            """;

    private static final RowMapper<AssessmentView> ROW = (rs, n) -> new AssessmentView(Sql.uuid(rs, "id"),
            Sql.uuid(rs, "user_id"), Sql.uuid(rs, "purchase_id"), Sql.uuid(rs, "tier_id"), rs.getInt("tier_version"),
            rs.getString("status"), new AssessmentView.Phase(rs.getInt("phase_index"), rs.getString("phase_name"),
            rs.getInt("phase_count")), rs.getString("result_reason"), rs.getString("abandon_reason"),
            rs.getBoolean("funded_eligible"), Sql.instant(rs, "created_at"), Sql.instant(rs, "started_at"),
            Sql.instant(rs, "ended_at"), null, null);

    private final JdbcClient jdbc;
    private final LiveAssessments live;
    private final Clock clock;

    AssessmentQueries(JdbcClient jdbc, LiveAssessments live, Clock clock) {
        this.jdbc = jdbc;
        this.live = live;
        this.clock = clock;
    }

    /**
     * Newest first. {@code userId} null lists everyone's (admins); the cursor is the last item's
     * {@code createdAt|id}, so pages stay stable while new assessments are created.
     */
    public Page list(UUID userId, String status, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append("WHERE true");
        List<Object> params = new ArrayList<>();
        if (userId != null) {
            sql.append(" AND a.user_id = ?");
            params.add(userId);
        }
        if (status != null) {
            sql.append(" AND a.status = ?");
            params.add(status);
        }
        Cursor after = Cursor.parse(cursor);
        if (after != null) {
            sql.append(" AND (a.created_at, a.id) < (?, ?)");
            params.add(Sql.ts(after.createdAt()));
            params.add(after.id());
        }
        sql.append(" ORDER BY a.created_at DESC, a.id DESC LIMIT ?");
        params.add(limit + 1);
        List<AssessmentView> rows = jdbc.sql(sql.toString()).params(params).query(ROW).list();
        boolean more = rows.size() > limit;
        List<AssessmentView> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new Cursor(page.getLast().createdAt(), page.getLast().id()).encode() : null;
        return new Page(List.copyOf(page), next);
    }

    /** The assessment if the caller may see it, with its account and rules as of now. */
    public Optional<AssessmentView> get(UUID id, Caller caller) {
        Optional<AssessmentView> row = jdbc.sql(COLUMNS + "WHERE a.id = ?").param(id).query(ROW).optional()
                .filter(a -> caller.mayAccess(a.userId()));
        return row.map(this::withAccountAndRules);
    }

    private AssessmentView withAccountAndRules(AssessmentView a) {
        Instant now = clock.instant();
        AssessmentView.Account stored = jdbc.sql("""
                        SELECT id, currency, initial_balance, balance, realized_pnl, fees_paid FROM virtual_accounts
                        WHERE assessment_id = ? AND phase_index = ?""")
                .params(a.id(), a.phase().index())
                .query((rs, n) -> new AssessmentView.Account(Sql.uuid(rs, "id"), rs.getString("currency").trim(),
                        plain(rs.getBigDecimal("initial_balance")), plain(rs.getBigDecimal("balance")),
                        plain(rs.getBigDecimal("balance")), "0", "0", plain(rs.getBigDecimal("realized_pnl")),
                        plain(rs.getBigDecimal("fees_paid")), null, 0))
                .optional().orElse(null);
        record Live(AccountSnapshot account, List<RuleCheck> checks) {
        }
        Optional<Live> engine = live.read(a.id(), e -> e.account().map(acc -> new Live(acc.snapshot(),
                e.peek(now).map(ev -> ev.checks()).orElse(List.of()))).orElse(null));
        if (engine.isEmpty() || stored == null) {
            return copy(a, stored, List.of());
        }
        AccountSnapshot s = engine.get().account();
        AssessmentView.Account account = new AssessmentView.Account(stored.id(), stored.currency(),
                plain(s.initialBalance()), plain(s.balance()), plain(s.equity()), plain(s.unrealizedPnl()),
                plain(s.equity().subtract(s.dayOpenEquity())), plain(s.realizedPnl()), plain(s.fees()),
                s.tradingDays(), s.openPositions());
        List<AssessmentView.Rule> rules = engine.get().checks().stream().map(c -> new AssessmentView.Rule(
                c.rule().name(), c.kind().name(), c.verdict().name(), plain(c.measured()), plain(c.threshold()),
                plain(c.distance()), plain(c.distancePct()), c.unit() == null ? null : c.unit().name(),
                c.explanation())).toList();
        return copy(a, account, rules);
    }

    private static AssessmentView copy(AssessmentView a, AssessmentView.Account account,
                                       List<AssessmentView.Rule> rules) {
        return new AssessmentView(a.id(), a.userId(), a.purchaseId(), a.tierId(), a.tierVersion(), a.status(),
                a.phase(), a.resultReason(), a.abandonReason(), a.fundedEligible(), a.createdAt(), a.startedAt(),
                a.endedAt(), account, rules);
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** {@code <epoch micros>_<uuid>}: opaque to clients. */
    record Cursor(Instant createdAt, UUID id) {
        static Cursor parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                int sep = raw.indexOf('_');
                long micros = Long.parseLong(raw.substring(0, sep));
                return new Cursor(Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS),
                        UUID.fromString(raw.substring(sep + 1)));
            } catch (RuntimeException e) {
                throw new com.vaticprop.core.support.FieldErrorsException(List.of(
                        new com.vaticprop.trading.ruleset.FieldError("cursor", "is not a cursor this API returned")));
            }
        }

        String encode() {
            return java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + "_" + id;
        }
    }
}
