package com.vaticprop.report.render;

import com.vaticprop.report.metrics.InstrumentStats;
import com.vaticprop.report.metrics.PerformanceMetrics;
import com.vaticprop.report.model.AssessmentReport;
import com.vaticprop.report.model.Breach;
import com.vaticprop.report.model.RuleOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's tables as rows of display strings, shared by the HTML and PDF renderers so both formats say exactly
 * the same thing (only the layout differs).
 */
final class ReportSections {

    private ReportSections() {
    }

    static String title(AssessmentReport r) {
        return (r.interim() ? "Interim assessment report" : "Assessment report");
    }

    static List<String[]> summary(AssessmentReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Assessment", r.assessmentId().toString()});
        rows.add(new String[]{"Trader", r.userId().toString()});
        rows.add(new String[]{"Tier", r.tierId() + " (version " + r.tierVersion() + ")"});
        rows.add(new String[]{"Phase", (r.phase() + 1) + " of " + r.phases() + " — " + r.phaseName()});
        rows.add(new String[]{"Status", r.status() + (r.reason() == null ? "" : " (" + r.reason() + ")")});
        if (r.fundedEligible()) {
            rows.add(new String[]{"Funded", "eligible, profit split " + Formats.plain(r.profitSplitPct()) + " %"});
        }
        rows.add(new String[]{"Started", Formats.instant(r.startedAt())});
        rows.add(new String[]{"Ended", Formats.instant(r.endedAt())});
        rows.add(new String[]{"Initial balance", Formats.money(r.initialBalance()) + " " + r.currency()});
        rows.add(new String[]{"Final equity", Formats.money(r.finalEquity()) + " " + r.currency()});
        rows.add(new String[]{"Fills / round trips / trading days", r.fills() + " / " + r.metrics().roundTrips()
                + " / " + r.tradingDays()});
        rows.add(new String[]{"Generated", Formats.instant(r.generatedAt()) + " (events up to seq " + r.asOfSeq()
                + ")"});
        return rows;
    }

    static String[] ruleHeader() {
        return new String[]{"Rule", "Limit", "Limit value", "Worst reached", "On", "Distance", "Status"};
    }

    static List<String[]> rules(AssessmentReport r) {
        List<String[]> rows = new ArrayList<>();
        for (RuleOutcome o : r.rules()) {
            rows.add(new String[]{o.rule(), o.limit(), Formats.number(o.limitValue()), Formats.number(o.worstValue()),
                    Formats.text(o.worstOn()), Formats.number(o.worstDistance()), o.status()});
        }
        return rows;
    }

    static List<String[]> breach(Breach b) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Rule", b.rule()});
        rows.add(new String[]{"Detected", Formats.instant(b.detectedAt())});
        rows.add(new String[]{"Threshold (floor)", Formats.plain(b.threshold())});
        rows.add(new String[]{"Measured", Formats.plain(b.measured())});
        if (b.explanation() != null) {
            for (Map.Entry<String, Object> e : b.explanation().entrySet()) {
                if (e.getValue() instanceof Map<?, ?> inputs) {
                    inputs.forEach((k, v) -> rows.add(new String[]{"input " + k, String.valueOf(v)}));
                } else {
                    rows.add(new String[]{e.getKey(), String.valueOf(e.getValue())});
                }
            }
        }
        if (b.quote() != null) {
            b.quote().forEach((k, v) -> rows.add(new String[]{"quote " + k, String.valueOf(v)}));
        } else {
            rows.add(new String[]{"quote", "not recorded"});
        }
        return rows;
    }

    static List<String[]> metrics(PerformanceMetrics m) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Net profit", Formats.money(m.netProfit())});
        rows.add(new String[]{"Total return", Formats.pct(m.totalReturn())});
        rows.add(new String[]{"CAGR (" + m.calendarDays() + " calendar days)", Formats.pct(m.cagr())});
        rows.add(new String[]{"Volatility (annualised)", Formats.pct(m.volatility())});
        rows.add(new String[]{"Sharpe / Sortino / Calmar", Formats.ratio(m.sharpe()) + " / "
                + Formats.ratio(m.sortino()) + " / " + Formats.ratio(m.calmar())});
        rows.add(new String[]{"Max drawdown", Formats.pct(m.maxDrawdownPct()) + " (" + Formats.money(
                m.maxDrawdownAmount()) + ", " + m.maxDrawdownDays() + " days" + (m.maxDrawdownRecovered() ? ""
                : ", not recovered") + ")"});
        rows.add(new String[]{"Average drawdown", Formats.pct(m.averageDrawdownPct())});
        rows.add(new String[]{"Recovery factor", Formats.ratio(m.recoveryFactor())});
        rows.add(new String[]{"Daily win rate (zero days excluded)", Formats.pct(m.dailyWinRate()) + " ("
                + m.winningDays() + " up, " + m.losingDays() + " down)"});
        rows.add(new String[]{"Best / worst day", m.bestDay() == null ? "–" : Formats.money(m.bestDay().pnl())
                + " (" + m.bestDay().day() + ") / " + Formats.money(m.worstDay().pnl()) + " (" + m.worstDay().day()
                + ")"});
        rows.add(new String[]{"Consistency (best day / total profit)", Formats.pct(m.consistency())});
        rows.add(new String[]{"Tail ratio (P95 / |P5|)", Formats.ratio(m.tailRatio())});
        rows.add(new String[]{"VaR / CVaR 95 % (one day)", Formats.pct(m.var95()) + " / " + Formats.pct(m.cvar95())});
        rows.add(new String[]{"Round trips", String.valueOf(m.roundTrips())});
        rows.add(new String[]{"Win rate per round trip (break-even excluded)", Formats.pct(m.tripWinRate())});
        rows.add(new String[]{"Profit factor / payoff ratio", Formats.ratio(m.profitFactor()) + " / "
                + Formats.ratio(m.payoffRatio())});
        rows.add(new String[]{"Expectancy per round trip", Formats.money(m.expectancy())});
        rows.add(new String[]{"Best / worst round trip", m.bestTrip() == null ? "–"
                : Formats.money(m.bestTrip().netPnl()) + " (" + m.bestTrip().instrument() + ") / "
                + Formats.money(m.worstTrip().netPnl()) + " (" + m.worstTrip().instrument() + ")"});
        rows.add(new String[]{"Average holding time", Formats.duration(m.averageHoldingSeconds())});
        return rows;
    }

    static String[] instrumentHeader() {
        return new String[]{"Instrument", "Round trips", "Net P&L", "Wins", "Losses", "Win rate"};
    }

    static List<String[]> instruments(PerformanceMetrics m) {
        List<String[]> rows = new ArrayList<>();
        for (InstrumentStats s : m.perInstrument()) {
            rows.add(new String[]{s.instrument(), String.valueOf(s.roundTrips()), Formats.money(s.netPnl()),
                    String.valueOf(s.wins()), String.valueOf(s.losses()), Formats.pct(s.winRate())});
        }
        return rows;
    }

    static String[] dayHeader() {
        return new String[]{"Day", "Close equity", "Day P&L", "Lowest equity", "Daily floor", "Max-loss floor",
                "Trading day"};
    }

    static List<String[]> days(AssessmentReport r) {
        return r.days().stream().map(d -> new String[]{d.day().toString(), Formats.money(d.closeEquity()),
                Formats.money(d.dayPnl()), Formats.money(d.minEquity()), Formats.money(d.dailyLossFloor()),
                Formats.money(d.maxLossFloor()), d.tradingDay() ? "yes" : "no"}).toList();
    }
}
