package com.vaticprop.montecarlo.support;

import com.vaticprop.platform.json.VaticJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rule sets and samples for the tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The seed's "Crypto Two-Step 100K": 10% target, 4 min days, 30 days, 5% daily loss, 10% static max loss. */
    public static ObjectNode twoStep() {
        return (ObjectNode) VaticJson.mapper().readTree("""
                {"initialBalance":"100000","currency":"USD","dayBoundary":{"zone":"UTC","time":"00:00"},
                 "instruments":["BTC-USD","ETH-USD","SOL-USD"],"profitSplitPct":"80",
                 "phases":[{"name":"Challenge","profitTargetPct":"10","minTradingDays":4,"maxDurationDays":30},
                           {"name":"Verification","profitTargetPct":"5","minTradingDays":4,"maxDurationDays":60}],
                 "tradingDay":{"minTradeNotionalPctOfInitial":"0"},
                 "dailyLoss":{"pct":"5","limitBasis":"INITIAL_BALANCE","anchor":"PRIOR_DAY_BALANCE",
                              "includeOpenPnl":true,"evaluation":"INTRADAY"},
                 "maxLoss":{"pct":"10","mode":"STATIC","lockAtInitial":false,"lockOffset":"0"},
                 "exposure":{"maxLeverage":"2","fillDelayMs":0}}""");
    }

    /** No duration limit and an unreachable target: every path runs the whole horizon (a long job to cancel). */
    public static ObjectNode endless() {
        ObjectNode r = twoStep();
        ObjectNode phase = (ObjectNode) r.get("phases").get(0);
        phase.remove("maxDurationDays");
        phase.put("profitTargetPct", "100");
        r.remove("dailyLoss");
        phase.put("minTradingDays", 0);
        ((ObjectNode) r.get("maxLoss")).put("pct", "99");
        return r;
    }

    /** Ten days of ±500 alternating: no drift, so a 100% target stays out of reach for a year. */
    public static List<Map<String, Object>> flatDays() {
        List<Map<String, Object>> days = winningDays();
        long equity = 100_000;
        for (int i = 0; i < days.size(); i++) {
            long open = equity;
            int p = i % 2 == 0 ? 500 : -500;
            equity += p;
            Map<String, Object> d = days.get(i);
            d.put("closeBalance", String.valueOf(equity));
            d.put("closeEquity", String.valueOf(equity));
            d.put("dayPnl", String.valueOf(p));
            d.put("minEquity", String.valueOf(Math.min(open, equity) - 200));
            d.put("maxEquity", String.valueOf(Math.max(open, equity) + 100));
        }
        return days;
    }

    /** Ten days with a mean of +560 a day: a 10% target in 30 days is likely, a breach unlikely. */
    public static List<Map<String, Object>> winningDays() {
        int[] pnl = {1500, -500, 1200, 800, -700, 1000, -300, 900, 1100, -400};
        List<Map<String, Object>> days = new ArrayList<>();
        long equity = 100_000;
        LocalDate day = LocalDate.parse("2026-10-01");
        for (int p : pnl) {
            long open = equity;
            equity += p;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("day", day.toString());
            d.put("closeBalance", String.valueOf(equity));
            d.put("closeEquity", String.valueOf(equity));
            d.put("dayPnl", String.valueOf(p));
            d.put("minEquity", String.valueOf(Math.min(open, equity) - 200));
            d.put("maxEquity", String.valueOf(Math.max(open, equity) + 100));
            d.put("tradingDay", true);
            d.put("fills", 2);
            days.add(d);
            day = day.plusDays(1);
        }
        return days;
    }

    /** {@code n} round trips, two a day, from {@code pnls} in turn (net of fees). */
    public static List<Map<String, Object>> roundTrips(int n, int... pnls) {
        List<Map<String, Object>> trips = new ArrayList<>();
        Instant start = Instant.parse("2026-10-01T09:00:00Z");
        for (int i = 0; i < n; i++) {
            Instant opened = start.plusSeconds(86_400L * (i / 2) + 3600L * (i % 2) * 3);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("openedAt", opened.toString());
            t.put("closedAt", opened.plusSeconds(1800).toString());
            t.put("pnl", String.valueOf(pnls[i % pnls.length]));
            t.put("notional", "60000");
            trips.add(t);
        }
        return trips;
    }

    public static Map<String, Object> explicit(Object sample, JsonNode ruleSet, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sample", sample);
        body.put("ruleSet", ruleSet);
        body.putAll(extra);
        return body;
    }
}
