package com.vaticprop.trading.monitor;

import com.vaticprop.trading.instrument.FeeModel;
import com.vaticprop.trading.instrument.Instrument;
import com.vaticprop.trading.instrument.InstrumentCatalog;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.rules.InactivityRule;
import com.vaticprop.trading.rules.MaxDurationRule;
import com.vaticprop.trading.rules.RuleName;
import com.vaticprop.trading.ruleset.DailyEvaluation;
import com.vaticprop.trading.ruleset.DailyLossLimit;
import com.vaticprop.trading.ruleset.LimitBasis;
import com.vaticprop.trading.ruleset.MaxLossLimit;
import com.vaticprop.trading.ruleset.MaxLossMode;
import com.vaticprop.trading.ruleset.Phase;
import com.vaticprop.trading.ruleset.RuleSet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The order → fill → position update → post-trade evaluation chain of one crypto account in fixed point, with the
 * results of the straightforward path — {@code FillSimulator} (market order at the touch, no slippage, size capped and
 * floored to the lot), the instrument's taker fee, {@code Account.applyFill} and {@code RuleEngine.evaluate} at
 * {@code POST_FILL}: the same cash, realized P&L, fees, positions and equity, and the same verdict (the failure's rule
 * and threshold, and whether the phase is pass-ready). Property-tested against those classes.
 *
 * <p>Money is kept in units of 10<sup>-8</sup> (the booking scale); an instrument's quantity in units of its lot and
 * its prices in units of 10<sup>-(8 − lot decimals)</sup>, so that {@code qty × price} is exact money and nothing the
 * account books needs rounding except the fee (half-even, as {@link Money#bps}) and the share of cost basis a partial
 * reduction removes (computed with the account's own BigDecimal expression, the one rare path that allocates).
 * Day-constant parts of the rules (daily floor, static and end-of-day max-loss floors, target, deadlines) are computed
 * once per day with BigDecimal.
 *
 * <p>Domain (anything else is refused with {@link IllegalArgumentException}, never answered differently): crypto
 * instruments whose lot is a power of ten and whose fee is {@link FeeModel.TakerBps} or {@link FeeModel.Free}; market
 * orders without slippage against top-of-book quotes whose prices are on the instrument's fixed-point grid; money within
 * ±92 billion. Pre-trade checks, working orders and lifecycle are the engine's job and are not repeated here; explanations
 * ({@code RuleCheck}s) are built only on demand by running the straightforward path. Single-threaded.
 */
public final class FastAccount {
    /** {@link #marketOrder} result bits: the reason the engine would fail the phase with (0 = none). */
    public static final int REASON_MASK = 0x7;
    /** {@link #marketOrder} result bit: every pass condition is met and nothing is breached. */
    public static final int PASS_READY = 0x8;
    /** {@link #marketOrder} result: nothing filled, nothing evaluated. */
    public static final int NO_FILL = -1;

    private static final RuleName[] REASONS = {null, RuleName.DAILY_LOSS, RuleName.MAX_LOSS, RuleName.MAX_DURATION,
            RuleName.INACTIVITY};
    private static final int R_DAILY = 1;
    private static final int R_MAX_LOSS = 2;
    private static final int R_DURATION = 3;
    private static final int R_INACTIVITY = 4;
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};

    private final RuleSet ruleSet;
    private final Phase phase;
    private final LocalDate startDay;

    // instruments, by slot
    private final InstrumentId[] ids;
    private final int[] qtyScale;
    private final long[] feeBpsUnits;
    private final long[] feeDivisor;
    private final long[] qty;
    private final long[] cost;
    private final boolean[] marked;
    private final long[] bid;
    private final long[] ask;
    private final long[] bidSize;
    private final long[] askSize;
    private int open;

    // account, money in 1e-8 units
    private final long initial;
    private final long minNotional;
    private long realized;
    private long fees;
    private long peak;
    private long highestCloseBalance;
    private int tradingDays;
    private LocalDate lastTradeDay;
    private boolean hasBestClosedDay;
    private long bestClosedDayPnl;
    private LocalDate day;
    private long dayOpenBalance;
    private long dayOpenEquity;
    private long dayMin;
    private long dayMax;
    private boolean dayIsTradingDay;

    // rules: constants of the phase and of the day
    private final boolean dailyCounts;
    private final boolean dailyOnEquity;
    private final boolean trailingIntraday;
    private final long trailAllowance;
    private final long lock;
    private final long target;
    private final int minTradingDays;
    private final boolean hasGate;
    private final long gatePctUnits;
    private final int gatePctScale;
    private final Instant durationDeadline;
    private final Integer durationDays;
    private final Integer inactivityDays;
    private long dailyFloor;
    private long maxLossFloor;
    private Instant inactivityDeadline;
    private long lastThreshold;

    /**
     * @param tradingDayMinNotional a fill of at least this notional makes its day a trading day (as {@code Account})
     */
    public FastAccount(RuleSet ruleSet, Phase phase, InstrumentCatalog catalog, BigDecimal tradingDayMinNotional,
                       LocalDate startDay) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.phase = Objects.requireNonNull(phase, "phase");
        this.startDay = Objects.requireNonNull(startDay, "startDay");
        int n = InstrumentId.CRYPTO_SYMBOLS.size();
        ids = new InstrumentId[n];
        qtyScale = new int[n];
        feeBpsUnits = new long[n];
        feeDivisor = new long[n];
        qty = new long[n];
        cost = new long[n];
        marked = new boolean[n];
        bid = new long[n];
        ask = new long[n];
        bidSize = new long[n];
        askSize = new long[n];
        int i = 0;
        for (String symbol : InstrumentId.CRYPTO_SYMBOLS.stream().sorted().toList()) {
            Instrument inst = catalog.get(InstrumentId.of(symbol));
            BigDecimal lot = inst.lotSize().stripTrailingZeros();
            if (lot.unscaledValue().intValue() != 1 || lot.scale() < 0 || lot.scale() > Money.SCALE) {
                throw new IllegalArgumentException("lot of " + symbol + " is not a power of ten: " + lot);
            }
            ids[i] = inst.id();
            qtyScale[i] = lot.scale();
            switch (inst.feeModel()) {
                case FeeModel.TakerBps t -> {
                    BigDecimal bps = t.bps().stripTrailingZeros();
                    int s = Math.max(bps.scale(), 0);
                    feeBpsUnits[i] = bps.movePointRight(s).longValueExact();
                    feeDivisor[i] = Math.multiplyExact(10_000L, POW10[s]);
                }
                case FeeModel.Free f -> {
                    feeBpsUnits[i] = 0;
                    feeDivisor[i] = 1;
                }
                default -> throw new IllegalArgumentException("fee model of " + symbol + " not supported: "
                        + inst.feeModel());
            }
            i++;
        }
        BigDecimal initialBd = Money.book(ruleSet.initialBalance());
        initial = units(initialBd);
        minNotional = ceilUnits(tradingDayMinNotional);
        peak = initial;
        highestCloseBalance = initial;
        day = startDay;
        dayOpenBalance = initial;
        dayOpenEquity = initial;
        dayMin = initial;
        dayMax = initial;

        DailyLossLimit daily = ruleSet.dailyLoss();
        dailyCounts = daily != null && daily.evaluation() == DailyEvaluation.INTRADAY;
        dailyOnEquity = daily != null && daily.includeOpenPnl();
        MaxLossLimit ml = ruleSet.maxLoss();
        trailingIntraday = ml.mode() == MaxLossMode.TRAILING_INTRADAY_EQUITY;
        trailAllowance = units(ml.allowance().resolve(initialBd));
        lock = ml.lockAtInitial() ? units(Money.book(initialBd.add(ml.lockOffset()))) : Long.MAX_VALUE;
        target = units(Money.book(initialBd.add(Money.pctOf(phase.profitTargetPct(), initialBd))));
        minTradingDays = phase.minTradingDays();
        hasGate = ruleSet.consistency() != null;
        if (hasGate) {
            BigDecimal pct = ruleSet.consistency().maxBestDayPctOfProfit().stripTrailingZeros();
            gatePctScale = Math.max(pct.scale(), 0);
            gatePctUnits = pct.movePointRight(gatePctScale).longValueExact();
        } else {
            gatePctScale = 0;
            gatePctUnits = 0;
        }
        durationDays = phase.maxDurationDays();
        durationDeadline = new MaxDurationRule(durationDays).deadline(ruleSet.dayBoundary(), startDay);
        inactivityDays = ruleSet.inactivityDays();
        newDay();
    }

    // ------------------------------------------------------------------------------------------------- inputs

    /** {@code Account.mark}: a new quote for an instrument (held or not). */
    public void mark(Quote quote) {
        int i = slot(quote.instrument());
        int ps = Money.SCALE - qtyScale[i];
        if (quote.book().isPresent()) {
            throw new IllegalArgumentException("quotes with depth are not supported by the fast path");
        }
        bid[i] = grid(quote.bid(), ps);
        ask[i] = grid(quote.ask(), ps);
        bidSize[i] = floorUnits(quote.bidSize(), qtyScale[i]);
        askSize[i] = floorUnits(quote.askSize(), qtyScale[i]);
        marked[i] = true;
        if (qty[i] != 0) {
            observe(equity());
        }
    }

    /** The slot of an instrument, for the allocation-free {@link #marketOrder(int, boolean, long, Instant)}. */
    public int slot(InstrumentId id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a supported instrument: " + id);
    }

    /** A market order against the instrument's current quote; see {@link #marketOrder(int, boolean, long, Instant)}. */
    public int marketOrder(InstrumentId id, Side side, BigDecimal quantity, Instant at) {
        int i = slot(id);
        return marketOrder(i, side == Side.BUY, floorUnits(quantity, qtyScale[i]), at);
    }

    /**
     * Fills a market order of {@code qtyUnits} lots at the touch (capped to the displayed size), books it and
     * evaluates the rules at POST_FILL.
     *
     * @return {@link #NO_FILL}, or the verdict: the failure reason in {@link #REASON_MASK} (see {@link #reason(int)})
     *         and {@link #PASS_READY}
     */
    public int marketOrder(int i, boolean buy, long qtyUnits, Instant at) {
        if (!marked[i]) {
            return NO_FILL;
        }
        long fillQty = Math.min(qtyUnits, buy ? askSize[i] : bidSize[i]);
        if (fillQty <= 0) {
            return NO_FILL;
        }
        long price = buy ? ask[i] : bid[i];
        long notional = Math.multiplyExact(fillQty, price);
        long fee = divHalfEven(Math.multiplyExact(notional, feeBpsUnits[i]), feeDivisor[i]);
        long signed = buy ? fillQty : -fillQty;
        long q = qty[i];
        long realizedNow = 0;
        if (q == 0) {
            qty[i] = signed;
            cost[i] = Math.multiplyExact(signed, price);
            open++;
        } else if ((q > 0) == buy) {
            qty[i] = Math.addExact(q, signed);
            cost[i] = Math.addExact(cost[i], Math.multiplyExact(signed, price));
        } else {
            long absQ = Math.abs(q);
            long closeQty = Math.min(fillQty, absQ);
            long closeSigned = q > 0 ? closeQty : -closeQty;
            long removed = closeQty == absQ ? cost[i] : removedCost(cost[i], closeQty, absQ, qtyScale[i]);
            realizedNow = Math.subtractExact(Math.multiplyExact(closeSigned, price), removed);
            long openQty = fillQty - closeQty;
            if (closeQty < absQ) {
                qty[i] = q - closeSigned;
                cost[i] = cost[i] - removed;
            } else if (openQty == 0) {
                qty[i] = 0;
                cost[i] = 0;
                open--;
            } else {
                long newSigned = buy ? openQty : -openQty;
                qty[i] = newSigned;
                cost[i] = Math.multiplyExact(newSigned, price);
            }
        }
        realized = Math.addExact(realized, realizedNow);
        fees = Math.addExact(fees, fee);
        if (!day.equals(lastTradeDay)) {
            lastTradeDay = day;
            inactivityDeadline = null;
        }
        if (notional >= minNotional && !dayIsTradingDay) {
            dayIsTradingDay = true;
            tradingDays++;
        }
        long eq = equity();
        observe(eq);
        return evaluate(eq, at);
    }

    /** {@code Account.closeDay}: closes the day at the current marks and opens {@code nextDay}. */
    public void closeDay(LocalDate nextDay) {
        long closeEquity = equity();
        long closeBalance = balance();
        long dayPnl = closeEquity - dayOpenEquity;
        bestClosedDayPnl = hasBestClosedDay ? Math.max(bestClosedDayPnl, dayPnl) : dayPnl;
        hasBestClosedDay = true;
        highestCloseBalance = Math.max(highestCloseBalance, closeBalance);
        day = nextDay;
        dayOpenBalance = closeBalance;
        dayOpenEquity = closeEquity;
        dayMin = closeEquity;
        dayMax = closeEquity;
        dayIsTradingDay = false;
        newDay();
    }

    // ---------------------------------------------------------------------------------------------- evaluation

    /** The verdict as of now at {@code at}, without trading (same encoding as {@link #marketOrder}). */
    public int evaluate(Instant at) {
        return evaluate(equity(), at);
    }

    private int evaluate(long eq, Instant at) {
        boolean daily = dailyCounts && (dailyOnEquity ? eq : balance()) <= dailyFloor;
        long mlFloor = trailingIntraday ? Math.min(Math.max(initial, peak) - trailAllowance, lock) : maxLossFloor;
        boolean maxLoss = eq <= mlFloor;
        int reason;
        if (daily && (!maxLoss || dailyFloor >= mlFloor)) {
            reason = R_DAILY;
            lastThreshold = dailyFloor;
        } else if (maxLoss) {
            reason = R_MAX_LOSS;
            lastThreshold = mlFloor;
        } else if (durationDeadline != null && !at.isBefore(durationDeadline)) {
            reason = R_DURATION;
        } else if (inactivityDays != null && !at.isBefore(inactivityDeadline())) {
            reason = R_INACTIVITY;
        } else {
            reason = 0;
        }
        if (reason != 0) {
            return reason;
        }
        boolean targetMet = eq >= target && open == 0;
        boolean daysMet = tradingDays >= minTradingDays;
        return targetMet && daysMet && consistencyMet(eq) ? PASS_READY : 0;
    }

    private boolean consistencyMet(long eq) {
        if (!hasGate) {
            return true;
        }
        long profit = eq - initial;
        if (profit <= 0) {
            return false;
        }
        long today = eq - dayOpenEquity;
        long best = hasBestClosedDay ? Math.max(bestClosedDayPnl, today) : today;
        try {
            // best × 100 ≤ pct × profit, with pct = gatePctUnits / 10^gatePctScale
            return Math.multiplyExact(Math.multiplyExact(best, 100L), POW10[gatePctScale])
                    <= Math.multiplyExact(gatePctUnits, profit);
        } catch (ArithmeticException overflow) {
            return BigDecimal.valueOf(best).multiply(Money.HUNDRED).compareTo(
                    ruleSet.consistency().maxBestDayPctOfProfit().multiply(BigDecimal.valueOf(profit))) <= 0;
        }
    }

    /** The rule a verdict fails the phase with, {@code null} for none. */
    public static RuleName reason(int verdict) {
        return verdict < 0 ? null : REASONS[verdict & REASON_MASK];
    }

    /** The threshold of the last failure verdict (floor for money rules, days for time rules). */
    public BigDecimal threshold(int verdict) {
        return switch (verdict & REASON_MASK) {
            case R_DAILY, R_MAX_LOSS -> money(lastThreshold);
            case R_DURATION -> BigDecimal.valueOf(durationDays);
            case R_INACTIVITY -> BigDecimal.valueOf(inactivityDays);
            default -> null;
        };
    }

    // ------------------------------------------------------------------------------------------------- reading

    public BigDecimal cash() {
        return money(balance()); // crypto is margin-settled: cash = balance
    }

    public BigDecimal realizedPnl() {
        return money(realized);
    }

    public BigDecimal fees() {
        return money(fees);
    }

    public BigDecimal equityValue() {
        return money(equity());
    }

    public BigDecimal peakEquity() {
        return money(Math.max(peak, equity()));
    }

    public BigDecimal dayMinEquity() {
        return money(Math.min(dayMin, equity()));
    }

    public BigDecimal dayMaxEquity() {
        return money(Math.max(dayMax, equity()));
    }

    public int tradingDays() {
        return tradingDays;
    }

    public int openPositions() {
        return open;
    }

    /** Signed quantity held in an instrument (zero when flat). */
    public BigDecimal position(InstrumentId id) {
        int i = slot(id);
        return BigDecimal.valueOf(qty[i], qtyScale[i]);
    }

    public BigDecimal costBasis(InstrumentId id) {
        return money(cost[slot(id)]);
    }

    // ------------------------------------------------------------------------------------------------ internals

    private long balance() {
        return initial + realized - fees;
    }

    private long equity() {
        long eq = balance();
        for (int i = 0; i < qty.length; i++) {
            long q = qty[i];
            if (q != 0 && marked[i]) {
                eq = Math.addExact(eq, Math.subtractExact(Math.multiplyExact(q, q > 0 ? bid[i] : ask[i]), cost[i]));
            }
        }
        return eq;
    }

    private void observe(long eq) {
        peak = Math.max(peak, eq);
        dayMin = Math.min(dayMin, eq);
        dayMax = Math.max(dayMax, eq);
    }

    /** Day constants, as {@code DailyLossRule} and {@code MaxLossRule} compute them from the day's snapshot. */
    private void newDay() {
        BigDecimal initialBd = money(initial);
        DailyLossLimit daily = ruleSet.dailyLoss();
        if (daily != null) {
            BigDecimal anchor;
            if (day.equals(startDay)) {
                anchor = initialBd;
            } else {
                anchor = switch (daily.anchor()) {
                    case PRIOR_DAY_BALANCE -> money(dayOpenBalance);
                    case PRIOR_DAY_EQUITY -> money(dayOpenEquity);
                    case MAX_OF_BOTH -> money(Math.max(dayOpenBalance, dayOpenEquity));
                };
            }
            BigDecimal base = daily.limitBasis() == LimitBasis.INITIAL_BALANCE ? initialBd : anchor;
            dailyFloor = units(Money.book(anchor.subtract(daily.allowance().resolve(base))));
        }
        MaxLossLimit ml = ruleSet.maxLoss();
        BigDecimal high = ml.mode() == MaxLossMode.TRAILING_EOD_BALANCE
                ? money(Math.max(initial, highestCloseBalance)) : initialBd;
        BigDecimal floor = high.subtract(ml.allowance().resolve(initialBd));
        if (ml.lockAtInitial()) {
            floor = Money.min(floor, initialBd.add(ml.lockOffset()));
        }
        maxLossFloor = units(Money.book(floor));
        inactivityDeadline = null;
    }

    private Instant inactivityDeadline() {
        if (inactivityDeadline == null) {
            inactivityDeadline = new InactivityRule(inactivityDays).deadline(ruleSet.dayBoundary(),
                    lastTradeDay != null ? lastTradeDay : startDay);
        }
        return inactivityDeadline;
    }

    /** {@code PositionMath}: {@code book(costBasis × closeQty / |qty|)} with the same BigDecimal expression. */
    private static long removedCost(long cost, long closeQty, long absQty, int qtyScale) {
        return units(Money.book(money(cost).multiply(BigDecimal.valueOf(closeQty, qtyScale))
                .divide(BigDecimal.valueOf(absQty, qtyScale), Money.WORK)));
    }

    private static long divHalfEven(long num, long den) {
        long q = num / den;
        long r = num % den;
        if (r == 0) {
            return q;
        }
        long twice = Math.abs(r) * 2;
        int sign = (num < 0) == (den < 0) ? 1 : -1;
        if (twice > den || (twice == den && (q & 1) != 0)) {
            return q + sign;
        }
        return q;
    }

    private static BigDecimal money(long units) {
        return BigDecimal.valueOf(units, Money.SCALE);
    }

    private static long units(BigDecimal v) {
        return v.setScale(Money.SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    private static long ceilUnits(BigDecimal v) {
        return v.setScale(Money.SCALE, RoundingMode.CEILING).unscaledValue().longValueExact();
    }

    private static long grid(BigDecimal price, int scale) {
        try {
            return price.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("price " + price + " is off the fast path's grid of 1e-" + scale, e);
        }
    }

    private static long floorUnits(BigDecimal qty, int scale) {
        return qty.setScale(scale, RoundingMode.FLOOR).unscaledValue().longValueExact();
    }
}
