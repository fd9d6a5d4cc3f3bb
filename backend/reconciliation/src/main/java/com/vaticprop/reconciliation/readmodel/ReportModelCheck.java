package com.vaticprop.reconciliation.readmodel;

import com.vaticprop.reconciliation.Finding;
import com.vaticprop.reconciliation.Findings;
import com.vaticprop.reconciliation.ledger.CoreData;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * report-service's schema ({@code report}): each assessment applied up to core's last seq, nothing held back in
 * {@code pending_event} (a gap that never closed), one fill row per core trade with the same qty, price and fee, one
 * round trip per closed position with the same P&L and fees, and the balance those rows add up to equal to core's.
 */
public final class ReportModelCheck implements ReadModelCheck {

    private final Connection db;
    private final String schema;

    public ReportModelCheck(Connection db, String schema) {
        this.db = db;
        this.schema = schema;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public void check(CoreData core, Findings findings) throws Exception {
        CoreFigures figures = CoreFigures.of(core);
        Set<UUID> ids = core.assessments();
        Map<UUID, long[]> lastSeq = new HashMap<>();
        Map<UUID, BigDecimal> balance = new HashMap<>();
        Sql.forAssessments(db, "SELECT assessment_id, last_seq, initial_balance FROM " + schema
                + ".assessment WHERE assessment_id = ANY (?)", ids, rs -> {
            lastSeq.put(Sql.uuid(rs, 1), new long[]{rs.getLong(2)});
            balance.put(Sql.uuid(rs, 1), rs.getBigDecimal(3));
        });
        for (UUID a : ids) {
            long coreSeq = core.lastSeqByAssessment().get(a);
            long[] seen = lastSeq.get(a);
            if (seen == null) {
                findings.add(Finding.Kind.LOST, name(), "assessment " + a, "not in " + schema + ".assessment");
            } else if (seen[0] != coreSeq) {
                findings.add(Finding.Kind.MISMATCH, name(), "assessment " + a,
                        "applied up to seq " + seen[0] + ", core is at seq " + coreSeq);
            }
        }
        Sql.forAssessments(db, "SELECT assessment_id, seq FROM " + schema + ".pending_event WHERE assessment_id = ANY (?)",
                ids, rs -> findings.add(Finding.Kind.GAP, name(), "assessment " + Sql.uuid(rs, 1),
                        "seq " + rs.getLong(2) + " held in pending_event: an earlier seq never arrived"));

        Set<UUID> seenTrades = new HashSet<>();
        Sql.forAssessments(db, "SELECT assessment_id, trade_id, qty, price, fee FROM " + schema
                + ".fill WHERE assessment_id = ANY (?)", ids, rs -> {
            UUID assessment = Sql.uuid(rs, 1);
            UUID trade = Sql.uuid(rs, 2);
            BigDecimal fee = rs.getBigDecimal(5);
            seenTrades.add(trade);
            balance.computeIfPresent(assessment, (k, v) -> v.subtract(fee));
            CoreData.Trade t = figures.trades().get(trade);
            if (t == null) {
                findings.add(Finding.Kind.MISMATCH, name(), "fill " + trade + " (assessment " + assessment + ")",
                        "in " + schema + ".fill but not in core.trades");
            } else if (!CoreFigures.same(t.qty(), rs.getBigDecimal(3)) || !CoreFigures.same(t.price(), rs.getBigDecimal(4))
                    || !CoreFigures.same(t.fee(), rs.getBigDecimal(5))) {
                findings.add(Finding.Kind.MISMATCH, name(), "fill " + trade, "qty/price/fee " + rs.getBigDecimal(3)
                        + "/" + rs.getBigDecimal(4) + "/" + rs.getBigDecimal(5) + ", core " + t.qty() + "/" + t.price()
                        + "/" + t.fee());
            }
        });
        for (CoreData.Trade t : core.trades()) {
            if (!seenTrades.contains(t.id())) {
                findings.add(Finding.Kind.LOST, name(), "trade " + t.id() + " (assessment " + t.assessmentId() + ")",
                        "in core.trades but not in " + schema + ".fill");
            }
        }
        findings.counted("report fills", seenTrades.size());

        int trips = RoundTrips.compare(db, schema + ".round_trip", ids, figures, name(), findings,
                (assessment, realized, fees) -> balance.computeIfPresent(assessment, (k, v) -> v.add(realized)));
        findings.counted("report round trips", trips);

        balance.forEach((assessment, fromReport) -> {
            BigDecimal fromCore = figures.closedTripBalance().get(assessment);
            if (fromCore != null && !CoreFigures.same(fromCore, fromReport)) {
                findings.add(Finding.Kind.MISMATCH, name(), "balance of assessment " + assessment,
                        "initial + Σ round-trip P&L − Σ fill fees = " + fromReport + " in the report, " + fromCore + " in core");
            }
        });
    }
}
