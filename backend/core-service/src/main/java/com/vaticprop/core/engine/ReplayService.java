package com.vaticprop.core.engine;

import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.ruleset.RuleSetJson;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.assessment.EngineEvent;
import com.vaticprop.trading.assessment.EngineInput;
import com.vaticprop.trading.assessment.EngineResult;
import com.vaticprop.trading.assessment.EngineSettings;
import com.vaticprop.trading.assessment.Replay;
import com.vaticprop.trading.ruleset.RuleSet;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Re-derives an assessment's fills and verdict from its stored evidence — the pinned rule set and the engine inputs
 * whose effects were written (orders, and the quotes they filled on or that breached) — and compares them with what
 * was recorded. Quotes that only moved marks are not stored, so a replay can differ in marks-only figures (a trailing
 * intraday peak, a day's range); every difference is listed, none is hidden.
 */
@Service
public class ReplayService {

    /** One recorded-versus-replayed comparison. */
    public record Difference(String what, String recorded, String replayed) {
    }

    public record Report(UUID assessmentId, int inputs, boolean agrees, String recordedStatus, String replayedStatus,
                         int recordedFills, int replayedFills, List<String> recordedViolations,
                         List<String> replayedViolations, List<Difference> differences) {
    }

    private final JdbcClient jdbc;
    private final EngineEvidence evidence;
    private final EngineSettings settings;
    private final Transactions transactions;

    ReplayService(JdbcClient jdbc, EngineEvidence evidence, EngineSettings settings, Transactions transactions) {
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.transactions = transactions;
        this.settings = settings;
    }

    public Report replay(UUID assessmentId) {
        return transactions.inTransaction(() -> {
            Map<String, Object> row = jdbc.sql("SELECT status, CAST(rule_set AS TEXT) AS rule_set FROM assessments "
                            + "WHERE id = ?").param(assessmentId).query().listOfRows().stream().findFirst()
                    .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found",
                            "No such assessment."));
            RuleSet ruleSet = RuleSetJson.read((String) row.get("rule_set")).orThrow();
            List<EngineInput> inputs = evidence.inputs(assessmentId);
            Replay.Outcome outcome = Replay.run(assessmentId.toString(), ruleSet, settings, inputs);

            // by trade id / violation id: a reinstatement voids a breach and the trades made from its bad tick on
            Map<String, String> replayedTrades = new java.util.LinkedHashMap<>();
            Map<String, String> replayedBreaches = new java.util.LinkedHashMap<>();
            for (EngineResult r : outcome.results()) {
                for (EngineEvent e : r.events()) {
                    if (e instanceof EngineEvent.OrderFilled f) {
                        replayedTrades.put(f.fill().tradeId(), fill(f.fill().orderId(), f.fill().qty(),
                                f.fill().price()));
                    } else if (e instanceof EngineEvent.ViolationDetected v) {
                        replayedBreaches.put(v.violationId(), v.check().rule().name());
                    } else if (e instanceof EngineEvent.Reinstated back) {
                        back.voidedTradeIds().forEach(replayedTrades::remove);
                        replayedBreaches.remove(back.voidedViolationId());
                    }
                }
            }
            List<String> replayedFills = new ArrayList<>(replayedTrades.values());
            List<String> replayedViolations = new ArrayList<>(replayedBreaches.values());
            List<String> recordedFills = jdbc.sql("SELECT order_id, qty, price FROM trades WHERE assessment_id = ? "
                            + "AND voided_at IS NULL ORDER BY executed_at, id").param(assessmentId)
                    .query((rs, n) -> fill(rs.getObject("order_id", UUID.class).toString(), rs.getBigDecimal("qty"),
                            rs.getBigDecimal("price"))).list();
            List<String> recordedViolations = jdbc.sql("SELECT rule FROM violations WHERE assessment_id = ? "
                    + "AND voided_at IS NULL ORDER BY detected_at").param(assessmentId).query(String.class).list();

            String recordedStatus = (String) row.get("status");
            String replayedStatus = outcome.finalState().name();
            List<Difference> differences = new ArrayList<>();
            if (!recordedStatus.equals(replayedStatus)) {
                differences.add(new Difference("status", recordedStatus, replayedStatus));
            }
            if (!sorted(recordedFills).equals(sorted(replayedFills))) {
                differences.add(new Difference("fills", String.join("; ", recordedFills),
                        String.join("; ", replayedFills)));
            }
            if (!recordedViolations.equals(replayedViolations)) {
                differences.add(new Difference("violations", recordedViolations.toString(),
                        replayedViolations.toString()));
            }
            return new Report(assessmentId, inputs.size(), differences.isEmpty(), recordedStatus, replayedStatus,
                    recordedFills.size(), replayedFills.size(), recordedViolations, replayedViolations, differences);
        });
    }

    private static List<String> sorted(List<String> fills) {
        return fills.stream().sorted().toList();
    }

    private static String fill(String orderId, BigDecimal qty, BigDecimal price) {
        return orderId + " " + qty.stripTrailingZeros().toPlainString() + " @ "
                + price.stripTrailingZeros().toPlainString();
    }
}
