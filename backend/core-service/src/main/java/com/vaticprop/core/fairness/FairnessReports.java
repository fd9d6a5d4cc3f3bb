package com.vaticprop.core.fairness;

import com.vaticprop.core.admin.AdminAuditLog;
import com.vaticprop.core.support.Sql;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.json.VaticJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds, stores and reads fairness reports: the three detectors over one period's positions, orders, fills and quote
 * gaps. A periodic run covers the last complete period (once per period across replicas); an admin can ask for any
 * period (audited). Reports list findings for review; nothing is done to the accounts.
 */
class FairnessReports {

    private static final Logger log = LoggerFactory.getLogger(FairnessReports.class);

    private final FairnessData data;
    private final FairnessSettings settings;
    private final JdbcClient jdbc;
    private final AdminAuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    FairnessReports(FairnessData data, FairnessSettings settings, JdbcClient jdbc, AdminAuditLog audit,
                    Transactions transactions, Clock clock) {
        this.data = data;
        this.settings = settings;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The findings of a period, not stored. */
    List<Finding> analyse(Instant from, Instant to) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(new HedgingDetector(settings.hedgeWindow(), settings.hedgeMinOccurrences())
                .detect(data.openedPositions(from, to)));
        findings.addAll(new CopyTradingDetector(settings.copyWindow(), settings.copyMinMatches(),
                settings.copyMinShare()).detect(data.orders(from, to)));
        findings.addAll(new LatencyArbitrageDetector(settings.afterGap(), settings.latencyMinFills(),
                settings.latencyMinShare()).detect(data.fills(from, to), data.gaps(from, to, settings.afterGap())));
        return findings;
    }

    /** An admin's report for {@code [from, to)}, stored and audited. */
    Map<String, Object> onDemand(UUID admin, Instant from, Instant to) {
        List<Finding> findings = analyse(from, to);
        UUID id = UUID.randomUUID();
        transactions.run(() -> {
            insert(id, "ON_DEMAND", from, to, admin, findings);
            audit.record(admin, "fairness.report", id.toString(), null,
                    Map.of("from", from.toString(), "to", to.toString(), "findings", findings.size()), null);
        });
        return find(id).orElseThrow();
    }

    /** The periodic run: the last complete period, unless a replica has stored it already. */
    void periodic() {
        long periodMs = settings.period().toMillis();
        Instant end = Instant.ofEpochMilli(Math.floorDiv(clock.instant().toEpochMilli(), periodMs) * periodMs);
        Instant start = end.minus(settings.period());
        boolean exists = jdbc.sql("SELECT count(*) FROM fairness_reports WHERE trigger = 'PERIODIC' AND period_start = ?")
                .param(Sql.ts(start)).query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        List<Finding> findings = analyse(start, end);
        UUID id = UUID.randomUUID();
        int stored = transactions.inTransaction(() -> insert(id, "PERIODIC", start, end, null, findings));
        if (stored == 1) {
            log.info("fairness report {} for [{}, {}): {} finding(s)", id, start, end, findings.size());
        }
    }

    Optional<Map<String, Object>> find(UUID id) {
        return jdbc.sql("SELECT * FROM fairness_reports WHERE id = ?").param(id).query((rs, n) -> view(rs, true))
                .optional();
    }

    /** Newest first, without the findings' evidence (counts per pattern instead). */
    List<Map<String, Object>> list(int limit) {
        return jdbc.sql("SELECT * FROM fairness_reports ORDER BY generated_at DESC LIMIT ?").param(limit)
                .query((rs, n) -> view(rs, false)).list();
    }

    private int insert(UUID id, String trigger, Instant from, Instant to, UUID admin, List<Finding> findings) {
        return jdbc.sql("""
                        INSERT INTO fairness_reports (id, trigger, period_start, period_end, generated_at, requested_by,
                                                      findings, settings)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSONB), CAST(? AS JSONB))
                        ON CONFLICT DO NOTHING""")
                .params(id, trigger, Sql.ts(from), Sql.ts(to), Sql.ts(clock.instant()), admin,
                        VaticJson.mapper().writeValueAsString(findings),
                        VaticJson.mapper().writeValueAsString(settings))
                .update();
    }

    private static Map<String, Object> view(java.sql.ResultSet rs, boolean withFindings) throws java.sql.SQLException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", Sql.uuid(rs, "id"));
        v.put("trigger", rs.getString("trigger"));
        v.put("from", Sql.instant(rs, "period_start").toString());
        v.put("to", Sql.instant(rs, "period_end").toString());
        v.put("generatedAt", Sql.instant(rs, "generated_at").toString());
        v.put("requestedBy", Sql.uuid(rs, "requested_by"));
        JsonNode findings = VaticJson.mapper().readTree(rs.getString("findings"));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Finding.Pattern p : Finding.Pattern.values()) {
            counts.put(p.name(), 0);
        }
        findings.forEach(f -> counts.merge(f.get("pattern").asString(), 1, Integer::sum));
        v.put("counts", counts);
        if (withFindings) {
            v.put("findings", findings);
            v.put("settings", VaticJson.mapper().readTree(rs.getString("settings")));
        }
        return v;
    }
}
