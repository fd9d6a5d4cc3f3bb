package com.vaticprop.reconciliation.readmodel;

import com.vaticprop.reconciliation.Finding;
import com.vaticprop.reconciliation.Findings;
import com.vaticprop.reconciliation.ledger.CoreData;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A read model's round trips — one row per closed position with its realized P&L and fees — against core's closed
 * positions, both ways: a row core does not close is a MISMATCH, a position core closed without a row is LOST. The
 * report and monte-carlo services each keep such a table; only the table and what they add up differ.
 */
final class RoundTrips {

    /** Receives every row, for the caller's own totals. */
    interface Row {
        void accept(UUID assessment, BigDecimal realized, BigDecimal fees);
    }

    private RoundTrips() {
    }

    /** Compares {@code table} (columns assessment_id, position_id, realized_pnl, fees); returns the rows seen. */
    static int compare(Connection db, String table, Set<UUID> assessments, CoreFigures figures, String check,
                       Findings findings, Row row) throws SQLException {
        Set<UUID> seen = new HashSet<>();
        Sql.forAssessments(db, "SELECT assessment_id, position_id, realized_pnl, fees FROM " + table
                + " WHERE assessment_id = ANY (?)", assessments, rs -> {
            UUID assessment = Sql.uuid(rs, 1);
            UUID position = Sql.uuid(rs, 2);
            BigDecimal realized = rs.getBigDecimal(3);
            BigDecimal fees = rs.getBigDecimal(4);
            seen.add(position);
            row.accept(assessment, realized, fees);
            CoreData.Position p = figures.closedPositions().get(position);
            if (p == null) {
                findings.add(Finding.Kind.MISMATCH, check, "round trip " + position + " (assessment " + assessment
                        + ")", "in " + table + " but not a closed position in core");
            } else if (!CoreFigures.same(p.realizedPnl(), realized) || !CoreFigures.same(p.fees(), fees)) {
                findings.add(Finding.Kind.MISMATCH, check, "round trip " + position, "realized/fees " + realized
                        + "/" + fees + ", core " + p.realizedPnl() + "/" + p.fees());
            }
        });
        for (CoreData.Position p : figures.closedPositions().values()) {
            if (!seen.contains(p.id())) {
                findings.add(Finding.Kind.LOST, check, "round trip " + p.id() + " (assessment " + p.assessmentId()
                        + ")", "closed in core but not in " + table);
            }
        }
        return seen.size();
    }
}
