package com.vaticprop.reconciliation.readmodel;

import com.vaticprop.reconciliation.Finding;
import com.vaticprop.reconciliation.Findings;
import com.vaticprop.reconciliation.ledger.CoreData;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * monte-carlo-service's sample of each live assessment ({@code montecarlo.assessment_sample},
 * {@code sample_round_trip}): applied up to core's last seq, one sample round trip per closed position with the same
 * P&L and fees, and initial + Σ (P&L − fees) equal to core's.
 */
public final class MonteCarloModelCheck implements ReadModelCheck {

    private final Connection db;
    private final String schema;

    public MonteCarloModelCheck(Connection db, String schema) {
        this.db = db;
        this.schema = schema;
    }

    @Override
    public String name() {
        return "montecarlo";
    }

    @Override
    public void check(CoreData core, Findings findings) throws Exception {
        CoreFigures figures = CoreFigures.of(core);
        Set<UUID> ids = core.assessments();
        Map<UUID, Long> lastSeq = new HashMap<>();
        Map<UUID, BigDecimal> net = new HashMap<>();
        Sql.forAssessments(db, "SELECT assessment_id, last_seq, initial_balance FROM " + schema
                + ".assessment_sample WHERE assessment_id = ANY (?)", ids, rs -> {
            lastSeq.put(Sql.uuid(rs, 1), rs.getLong(2));
            net.put(Sql.uuid(rs, 1), rs.getBigDecimal(3));
        });
        for (UUID a : ids) {
            Long seen = lastSeq.get(a);
            long coreSeq = core.lastSeqByAssessment().get(a);
            if (seen == null) {
                findings.add(Finding.Kind.LOST, name(), "assessment " + a, "not in " + schema + ".assessment_sample");
            } else if (seen != coreSeq) {
                findings.add(Finding.Kind.MISMATCH, name(), "assessment " + a,
                        "applied up to seq " + seen + ", core is at seq " + coreSeq);
            }
        }
        int trips = RoundTrips.compare(db, schema + ".sample_round_trip", ids, figures, name(), findings,
                (assessment, realized, fees) -> net.computeIfPresent(assessment, (k, v) -> v.add(realized)
                        .subtract(fees)));
        findings.counted("montecarlo round trips", trips);
        net.forEach((assessment, fromSample) -> {
            BigDecimal fromCore = figures.closedNet(core, assessment);
            if (fromCore != null && !CoreFigures.same(fromCore, fromSample)) {
                findings.add(Finding.Kind.MISMATCH, name(), "balance of assessment " + assessment,
                        "initial + Σ (P&L − fees) of the sample = " + fromSample + ", core " + fromCore);
            }
        });
    }
}
