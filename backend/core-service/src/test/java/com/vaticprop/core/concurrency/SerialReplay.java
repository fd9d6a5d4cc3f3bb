package com.vaticprop.core.concurrency;

import com.vaticprop.core.engine.EngineEvidence;
import com.vaticprop.platform.ruleset.RuleSetJson;
import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.assessment.AssessmentEngine;
import com.vaticprop.trading.assessment.EngineEvent;
import com.vaticprop.trading.assessment.EngineInput;
import com.vaticprop.trading.assessment.EngineResult;
import com.vaticprop.trading.assessment.EngineSettings;
import com.vaticprop.trading.order.WorkingOrder;
import com.vaticprop.trading.position.Position;
import com.vaticprop.trading.ruleset.RuleSet;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One assessment's stored state held against a serial replay: its recorded engine inputs (the commands and quotes
 * in the order the engine applied them, {@code engine_inputs.ordinal}) fed one by one into a fresh
 * {@link AssessmentEngine}, then balance, realized P&amp;L, fees, open positions, open orders and fills compared
 * with the rows the concurrent run wrote. Amounts compare with {@code compareTo}; an average entry is compared at
 * the column's 8 decimals (PostgreSQL rounds half away from zero on insert).
 */
final class SerialReplay {

    /** The replay's verdict on one assessment: the inputs it used and every difference it found. */
    record Result(UUID assessmentId, List<EngineInput> inputs, List<String> differences) {
    }

    private final JdbcClient jdbc;
    private final EngineEvidence evidence;
    private final EngineSettings settings;

    SerialReplay(JdbcClient jdbc, EngineEvidence evidence, EngineSettings settings) {
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.settings = settings;
    }

    Result compare(UUID id) {
        RuleSet ruleSet = RuleSetJson.read(jdbc.sql("SELECT CAST(rule_set AS TEXT) FROM assessments WHERE id = ?")
                .param(id).query(String.class).single()).orThrow();
        List<EngineInput> inputs = evidence.inputs(id);
        AssessmentEngine engine = new AssessmentEngine(id.toString(), ruleSet, settings);
        List<String> replayedFills = new ArrayList<>();
        for (EngineInput input : inputs) {
            EngineResult result = engine.apply(input);
            for (EngineEvent event : result.events()) {
                if (event instanceof EngineEvent.OrderFilled f) {
                    replayedFills.add(fill(f.fill().orderId(), f.fill().qty(), f.fill().price()));
                }
            }
        }
        List<String> differences = new ArrayList<>();
        Account account = engine.account().orElseThrow();
        Map<String, Object> row = jdbc.sql("SELECT balance, realized_pnl, fees_paid FROM virtual_accounts "
                + "WHERE assessment_id = ? AND closed_at IS NULL").param(id).query().singleRow();
        amount(differences, "balance", (BigDecimal) row.get("balance"), account.balance());
        amount(differences, "realized P&L", (BigDecimal) row.get("realized_pnl"), account.realizedPnl());
        amount(differences, "fees", (BigDecimal) row.get("fees_paid"), account.fees());

        Map<String, String> storedPositions = new TreeMap<>();
        jdbc.sql("SELECT instrument, side, qty, avg_entry FROM positions WHERE assessment_id = ? AND status = 'OPEN'")
                .param(id).query(rs -> {
                    BigDecimal qty = rs.getBigDecimal("qty");
                    BigDecimal signed = "SHORT".equals(rs.getString("side")) ? qty.negate() : qty;
                    storedPositions.put(rs.getString("instrument"), plain(signed) + " @ "
                            + plain(rs.getBigDecimal("avg_entry")));
                });
        Map<String, String> replayedPositions = new TreeMap<>();
        for (Position p : account.positions()) {
            if (p.qty().signum() != 0) {
                replayedPositions.put(p.instrument().value(), plain(p.qty()) + " @ "
                        + plain(p.avgEntry().setScale(8, RoundingMode.HALF_UP)));
            }
        }
        if (!storedPositions.equals(replayedPositions)) {
            differences.add("open positions: stored " + storedPositions + ", replayed " + replayedPositions);
        }

        Map<String, String> storedOpen = new TreeMap<>();
        jdbc.sql("SELECT id, filled_qty FROM orders WHERE assessment_id = ? AND status IN ('OPEN', 'PARTIALLY_FILLED',"
                + " 'PENDING')").param(id).query(rs -> {
                    storedOpen.put(rs.getObject("id", UUID.class).toString(), plain(rs.getBigDecimal("filled_qty")));
                });
        Map<String, String> replayedOpen = new TreeMap<>();
        for (WorkingOrder w : engine.workingOrders()) {
            replayedOpen.put(w.request().orderId(), plain(w.filledQty()));
        }
        if (!storedOpen.equals(replayedOpen)) {
            differences.add("open orders: stored " + storedOpen.size() + " " + storedOpen + ", replayed "
                    + replayedOpen.size() + " " + replayedOpen);
        }

        List<String> storedFills = jdbc.sql("SELECT order_id, qty, price FROM trades WHERE assessment_id = ?")
                .param(id).query((rs, n) -> fill(rs.getObject("order_id", UUID.class).toString(),
                        rs.getBigDecimal("qty"), rs.getBigDecimal("price"))).list();
        if (!storedFills.stream().sorted().toList().equals(replayedFills.stream().sorted().toList())) {
            differences.add("fills: stored " + storedFills.size() + ", replayed " + replayedFills.size());
        }
        return new Result(id, inputs, differences);
    }

    private static void amount(List<String> differences, String what, BigDecimal stored, BigDecimal replayed) {
        if (stored.compareTo(replayed) != 0) {
            differences.add(what + ": stored " + plain(stored) + ", replayed " + plain(replayed));
        }
    }

    private static String fill(String orderId, BigDecimal qty, BigDecimal price) {
        return orderId + " " + plain(qty) + " @ " + plain(price);
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
