package com.vaticprop.report.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The operator's figures over a UTC date range: outcomes (pass/fail counts and pass rate) per tier and period,
 * the failure reasons, the median days to pass per tier, revenue per tier from {@code payment.*} events (completed
 * minus refunded) and the assessments active now. Periods are computed in Java from the end instant, so the SQL stays
 * portable (no date_trunc variants between PostgreSQL and CockroachDB).
 */
public final class OperatorAnalytics {

    public enum Period { DAY, WEEK, MONTH }

    public record Outcome(UUID tierId, String period, int passed, int failed, BigDecimal passRate) {
    }

    public record Reason(String reason, int count) {
    }

    public record DaysToPass(UUID tierId, int passed, BigDecimal medianDays) {
    }

    public record Revenue(UUID tierId, String currency, int purchases, int refunds, BigDecimal gross,
                          BigDecimal refunded, BigDecimal net) {
    }

    public record Active(UUID tierId, int active, int paused) {
    }

    public record Report(LocalDate from, LocalDate to, Period period, List<Outcome> outcomes, List<Reason> failureReasons,
                         List<DaysToPass> daysToPass, List<Revenue> revenue, List<Active> active) {
    }

    private final JdbcClient jdbc;

    public OperatorAnalytics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Report compute(LocalDate from, LocalDate to, Period period) {
        Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());

        record Finished(UUID tier, String result, String reason, Instant started, Instant ended) {
        }
        List<Finished> finished = jdbc.sql("""
                        SELECT tier_id, result, reason, started_at, ended_at FROM assessment
                        WHERE result IS NOT NULL AND ended_at >= ? AND ended_at < ?""")
                .params(start, end)
                .query((rs, n) -> new Finished(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant()))
                .list();

        Map<String, int[]> outcomeCounts = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<UUID, List<Double>> passDays = new TreeMap<>();
        for (Finished f : finished) {
            String key = f.tier() + "|" + label(f.ended(), period);
            int[] c = outcomeCounts.computeIfAbsent(key, k -> new int[2]);
            if ("PASSED".equals(f.result())) {
                c[0]++;
                if (f.started() != null) {
                    passDays.computeIfAbsent(f.tier(), t -> new ArrayList<>())
                            .add(Duration.between(f.started(), f.ended()).toSeconds() / 86_400d);
                }
            } else {
                c[1]++;
                reasons.merge(f.reason() == null ? "UNKNOWN" : f.reason(), 1, Integer::sum);
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        outcomeCounts.forEach((k, c) -> {
            String[] parts = k.split("\\|");
            outcomes.add(new Outcome(UUID.fromString(parts[0]), parts[1], c[0], c[1],
                    BigDecimal.valueOf(c[0]).divide(BigDecimal.valueOf(c[0] + c[1]), 4,
                            java.math.RoundingMode.HALF_EVEN)));
        });
        List<Reason> reasonList = reasons.entrySet().stream().map(e -> new Reason(e.getKey(), e.getValue())).toList();
        List<DaysToPass> days = new ArrayList<>();
        passDays.forEach((tier, list) -> days.add(new DaysToPass(tier, list.size(), median(list))));

        Map<String, Revenue> revenue = new TreeMap<>();
        jdbc.sql("""
                        SELECT tier_id, currency, kind, count(*) AS n, COALESCE(SUM(amount), 0) AS total
                        FROM purchase_event WHERE occurred_at >= ? AND occurred_at < ? AND kind IN ('COMPLETED', 'REFUNDED')
                        GROUP BY tier_id, currency, kind""")
                .params(start, end)
                .query(rs -> {
                    UUID tier = rs.getObject("tier_id", UUID.class);
                    String currency = rs.getString("currency");
                    Revenue r = revenue.getOrDefault(tier + "|" + currency,
                            new Revenue(tier, currency, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
                    int n = rs.getInt("n");
                    BigDecimal total = rs.getBigDecimal("total");
                    r = "COMPLETED".equals(rs.getString("kind"))
                            ? new Revenue(tier, currency, n, r.refunds(), total, r.refunded(), total.subtract(r.refunded()))
                            : new Revenue(tier, currency, r.purchases(), n, r.gross(), total, r.gross().subtract(total));
                    revenue.put(tier + "|" + currency, r);
                });

        Map<UUID, int[]> activeCounts = new HashMap<>();
        jdbc.sql("SELECT tier_id, status, count(*) FROM assessment WHERE status IN ('ACTIVE', 'PAUSED') "
                        + "GROUP BY tier_id, status")
                .query(rs -> {
                    int[] c = activeCounts.computeIfAbsent(rs.getObject(1, UUID.class), t -> new int[2]);
                    c["ACTIVE".equals(rs.getString(2)) ? 0 : 1] = rs.getInt(3);
                });
        List<Active> active = activeCounts.entrySet().stream()
                .map(e -> new Active(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(java.util.Comparator.comparing(a -> a.tierId().toString())).toList();
        return new Report(from, to, period, outcomes, reasonList, days, new ArrayList<>(revenue.values()), active);
    }

    static String label(Instant at, Period period) {
        LocalDate d = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return switch (period) {
            case DAY -> d.toString();
            case WEEK -> d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d",
                    d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> d.toString().substring(0, 7);
        };
    }

    static BigDecimal median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        int n = s.size();
        double m = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        return BigDecimal.valueOf(m).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    /** The same figures as CSV rows: {@code section,tier,period_or_key,metric,value}. */
    public static String csv(Report r) {
        StringBuilder b = new StringBuilder("section,tier,key,metric,value\n");
        for (Outcome o : r.outcomes()) {
            row(b, "outcomes", o.tierId(), o.period(), "passed", o.passed());
            row(b, "outcomes", o.tierId(), o.period(), "failed", o.failed());
            row(b, "outcomes", o.tierId(), o.period(), "pass_rate", o.passRate().toPlainString());
        }
        for (Reason x : r.failureReasons()) {
            row(b, "failure_reasons", null, x.reason(), "count", x.count());
        }
        for (DaysToPass d : r.daysToPass()) {
            row(b, "days_to_pass", d.tierId(), "", "median_days", d.medianDays().toPlainString());
            row(b, "days_to_pass", d.tierId(), "", "passed", d.passed());
        }
        for (Revenue v : r.revenue()) {
            row(b, "revenue", v.tierId(), v.currency(), "purchases", v.purchases());
            row(b, "revenue", v.tierId(), v.currency(), "refunds", v.refunds());
            row(b, "revenue", v.tierId(), v.currency(), "gross", v.gross().toPlainString());
            row(b, "revenue", v.tierId(), v.currency(), "refunded", v.refunded().toPlainString());
            row(b, "revenue", v.tierId(), v.currency(), "net", v.net().toPlainString());
        }
        for (Active a : r.active()) {
            row(b, "active", a.tierId(), "", "active", a.active());
            row(b, "active", a.tierId(), "", "paused", a.paused());
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String section, UUID tier, String key, String metric, Object value) {
        b.append(section).append(',').append(tier == null ? "" : tier).append(',').append(csvField(key)).append(',')
                .append(metric).append(',').append(value).append('\n');
    }

    private static String csvField(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
