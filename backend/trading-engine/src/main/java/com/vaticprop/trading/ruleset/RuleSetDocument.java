package com.vaticprop.trading.ruleset;

import java.util.List;

/**
 * The rule set exactly as it travels (CONTRACTS.md "Rule set JSON"): decimals are strings, enums are strings, every
 * field may be missing. A JSON mapper binds to these records without custom code; {@link RuleSetValidator} turns one
 * into a {@link RuleSet} or into field-level errors. Component names equal the JSON keys.
 */
public record RuleSetDocument(String initialBalance, String currency, DayBoundaryDoc dayBoundary,
                              List<String> instruments, String profitSplitPct, List<PhaseDoc> phases,
                              TradingDayDoc tradingDay, DailyLossDoc dailyLoss, MaxLossDoc maxLoss,
                              ConsistencyDoc consistency, Integer inactivityDays, ExposureDoc exposure) {

    public record DayBoundaryDoc(String zone, String time) {
    }

    public record PhaseDoc(String name, String profitTargetPct, Integer minTradingDays, Integer maxDurationDays) {
    }

    public record TradingDayDoc(String minTradeNotionalPctOfInitial) {
    }

    public record DailyLossDoc(String pct, String amount, String limitBasis, String anchor, Boolean includeOpenPnl,
                               String evaluation) {
    }

    public record MaxLossDoc(String pct, String amount, String mode, Boolean lockAtInitial, String lockOffset) {
    }

    public record ConsistencyDoc(String maxBestDayPctOfProfit) {
    }

    public record PriceBandDoc(String min, String max) {
    }

    public record ExposureDoc(String maxLeverage, String maxPositionNotionalPct, String maxMarketCostPctOfInitial,
                              PriceBandDoc priceBand, Long fillDelayMs) {
    }

    /** The wire form of a validated rule set (what {@code assessment.created} pins). */
    public static RuleSetDocument from(RuleSet rs) {
        return new RuleSetDocument(
                str(rs.initialBalance()), rs.currency(),
                new DayBoundaryDoc(rs.dayBoundary().zone().getId(), rs.dayBoundary().time().toString()),
                rs.instruments().stream().map(s -> s.wire()).toList(),
                str(rs.profitSplitPct()),
                rs.phases().stream().map(p -> new PhaseDoc(p.name(), str(p.profitTargetPct()), p.minTradingDays(),
                        p.maxDurationDays())).toList(),
                new TradingDayDoc(str(rs.tradingDay().minTradeNotionalPctOfInitial())),
                rs.dailyLoss() == null ? null : new DailyLossDoc(pct(rs.dailyLoss().allowance()),
                        amount(rs.dailyLoss().allowance()), rs.dailyLoss().limitBasis().name(),
                        rs.dailyLoss().anchor().name(), rs.dailyLoss().includeOpenPnl(),
                        rs.dailyLoss().evaluation().name()),
                new MaxLossDoc(pct(rs.maxLoss().allowance()), amount(rs.maxLoss().allowance()),
                        rs.maxLoss().mode().name(), rs.maxLoss().lockAtInitial(), str(rs.maxLoss().lockOffset())),
                rs.consistency() == null ? null : new ConsistencyDoc(str(rs.consistency().maxBestDayPctOfProfit())),
                rs.inactivityDays(),
                new ExposureDoc(str(rs.exposure().maxLeverage()), str(rs.exposure().maxPositionNotionalPct()),
                        str(rs.exposure().maxMarketCostPctOfInitial()),
                        rs.exposure().priceBand() == null ? null
                                : new PriceBandDoc(str(rs.exposure().priceBand().min()),
                                str(rs.exposure().priceBand().max())),
                        rs.exposure().fillDelayMs()));
    }

    private static String str(java.math.BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    private static String pct(LossAllowance a) {
        return a instanceof LossAllowance.Percent p ? str(p.pct()) : null;
    }

    private static String amount(LossAllowance a) {
        return a instanceof LossAllowance.Amount m ? str(m.amount()) : null;
    }
}
