package com.vaticprop.trading.monitor;

import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.position.Position;
import com.vaticprop.trading.rules.DailyLossRule;
import com.vaticprop.trading.rules.EvaluationPoint;
import com.vaticprop.trading.rules.InactivityRule;
import com.vaticprop.trading.rules.MaxDurationRule;
import com.vaticprop.trading.rules.MaxLossRule;
import com.vaticprop.trading.rules.RuleContext;
import com.vaticprop.trading.rules.RuleName;
import com.vaticprop.trading.ruleset.DailyEvaluation;
import com.vaticprop.trading.ruleset.DailyLossLimit;
import com.vaticprop.trading.ruleset.MaxLossLimit;
import com.vaticprop.trading.ruleset.MaxLossMode;
import com.vaticprop.trading.ruleset.Phase;
import com.vaticprop.trading.ruleset.RuleSet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Re-marks and checks many accounts holding one instrument against each of its quotes, with the verdicts of the
 * straightforward path ({@link Account#mark(Quote)} then {@code RuleEngine.evaluate} at {@link EvaluationPoint#QUOTE})
 * — breach or not, and the reason (rule) and threshold the engine would fail the phase with — but without BigDecimal
 * or allocation per account.
 *
 * <p>How: at registration everything that a quote of this instrument cannot change is folded into a few longs per
 * account (money in units of 10<sup>-8</sup>, the booking scale of {@link Money}): {@code equity = offset + qty × price}
 * where {@code offset = balance + open P&L of the other positions − cost basis} and {@code qty × price} is exact in
 * 10<sup>-8</sup> units when the quantity has at most {@code qtyScale} decimals and the price at most
 * {@code 8 − qtyScale} (then the engine's booking rounds nothing). The money floors that cannot move intraday (daily
 * loss, static and end-of-day trailing max loss) are folded into one constant floor; the intraday trailing floor is
 * {@code min(peak − L, lock)} with the peak tracked here exactly as the account does. A quote then costs one multiply,
 * a few compares and stores per account. Accounts whose numbers do not fit (more decimals, overflow) and quotes with
 * more decimals than the fixed-point grid are evaluated with the same BigDecimal arithmetic as the account, so the
 * result is exact in every case; only the speed differs. Duration and inactivity deadlines are compared only once a
 * quote reaches the earliest of them.
 *
 * <p>The reason is chosen as {@code RuleEngine} does: the highest breached money floor (daily loss first on a tie),
 * then maximum duration, then inactivity.
 *
 * <p>Contract with the caller (who owns the accounts): register or {@link #refresh} an account after anything other
 * than a quote of this instrument changes it (fills, settlements, other instruments' marks, day roll), and
 * {@link #deactivate} it once it no longer holds the instrument or its assessment has ended. A quote at or
 * after the end of a registered account's trading day is refused (the engine would roll the day first and move the
 * anchors), as is a quote of another instrument. Out-of-order quotes (older {@code receivedTs}) are ignored like the
 * engine ignores them. Single-threaded, like the engine.
 */
public final class QuoteMonitor {
    /** Decimals of every booked amount, and of the fixed-point money units here. */
    public static final int MONEY_SCALE = Money.SCALE;

    private static final int STRIDE = 8;
    private static final int QTY = 0;
    private static final int OFFSET = 1;
    private static final int CONST_FLOOR = 2;
    private static final int PEAK = 3;
    private static final int DAY_MIN = 4;
    private static final int DAY_MAX = 5;
    private static final int TRAIL_ALLOWANCE = 6;
    private static final int LOCK = 7;
    /** QTY value of an account evaluated with BigDecimal (its numbers do not fit the fixed-point grid). */
    private static final long EXACT_ONLY = Long.MIN_VALUE;
    /** Allowance of a non-trailing account: {@code peak − NO_TRAIL} is far below any floor, and cannot overflow. */
    private static final long NO_TRAIL = 1L << 62;

    private static final RuleName[] REASONS = {null, RuleName.DAILY_LOSS, RuleName.MAX_LOSS, RuleName.MAX_DURATION,
            RuleName.INACTIVITY};
    private static final byte R_DAILY = 1;
    private static final byte R_MAX_LOSS = 2;
    private static final byte R_DURATION = 3;
    private static final byte R_INACTIVITY = 4;

    private final InstrumentId instrument;
    private final int qtyScale;
    private final int priceScale;

    private int size;
    private long[] hot;
    private Slot[] slots;
    private Instant earliestDeadline;
    private Instant earliestDayEnd;
    private Instant lastReceived;
    private BigDecimal lastBid;
    private BigDecimal lastAsk;

    private int breachCount;
    private int[] breachSlot;
    private byte[] breachReason;

    /**
     * @param qtyScale decimals of quantity handled in fixed point (4 for BTC-USD's 0.0001 lot); prices then get
     *                 {@code 8 − qtyScale} (4 covers a 0.01 tick)
     */
    public QuoteMonitor(InstrumentId instrument, int qtyScale, int initialCapacity) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        if (qtyScale < 0 || qtyScale > MONEY_SCALE) {
            throw new IllegalArgumentException("qtyScale must be within [0, " + MONEY_SCALE + "]");
        }
        this.qtyScale = qtyScale;
        this.priceScale = MONEY_SCALE - qtyScale;
        int cap = Math.max(initialCapacity, 16);
        this.hot = new long[cap * STRIDE];
        this.slots = new Slot[cap];
        this.breachSlot = new int[cap];
        this.breachReason = new byte[cap];
    }

    public QuoteMonitor(InstrumentId instrument, int initialCapacity) {
        this(instrument, 4, initialCapacity);
    }

    public InstrumentId instrument() {
        return instrument;
    }

    public int size() {
        return size;
    }

    // ------------------------------------------------------------------------------------------- registration

    /**
     * Registers an account that holds this instrument, as it stands now, judged by {@code ruleSet}'s {@code phase}.
     *
     * @return the account's slot, used by {@link #refresh} and in the verdicts
     * @throws IllegalArgumentException when the account does not hold the instrument, or when its money does not fit
     *                                  in a long at scale 8 (more than ±92 billion)
     */
    public int register(String accountId, RuleSet ruleSet, Phase phase, Account account) {
        if (size == slots.length) {
            int cap = slots.length * 2;
            hot = Arrays.copyOf(hot, cap * STRIDE);
            slots = Arrays.copyOf(slots, cap);
            breachSlot = Arrays.copyOf(breachSlot, cap);
            breachReason = Arrays.copyOf(breachReason, cap);
        }
        int slot = size++;
        load(slot, accountId, ruleSet, phase, account);
        return slot;
    }

    /**
     * Re-reads an account after something other than a quote of this instrument changed it (a fill, a day roll, another
     * instrument's mark); re-activates a {@link #deactivate deactivated} slot.
     */
    public void refresh(int slot, Account account) {
        Objects.checkIndex(slot, size);
        Slot s = slots[slot];
        load(slot, s.accountId, s.ruleSet, s.phase, account);
    }

    /**
     * Stops checking a slot (the account closed its position in this instrument, or its assessment ended): it is
     * neither re-marked nor breached until {@link #refresh}ed. The slot keeps its number.
     */
    public void deactivate(int slot) {
        Objects.checkIndex(slot, size);
        int b = slot * STRIDE;
        hot[b + QTY] = 0;
        hot[b + CONST_FLOOR] = Long.MIN_VALUE;
        hot[b + TRAIL_ALLOWANCE] = NO_TRAIL;
        hot[b + LOCK] = Long.MAX_VALUE;
        Slot s = slots[slot];
        s.active = false;
        s.durationDeadline = null;
        s.inactivityDeadline = null;
        s.dayEnd = null;
    }

    public boolean active(int slot) {
        Objects.checkIndex(slot, size);
        return slots[slot].active;
    }

    private void load(int slot, String accountId, RuleSet ruleSet, Phase phase, Account account) {
        Position pos = account.position(instrument).orElseThrow(() -> new IllegalArgumentException(
                "account " + accountId + " does not hold " + instrument));
        AccountSnapshot snap = account.snapshot();
        Slot s = new Slot();
        s.active = true;
        s.accountId = accountId;
        s.ruleSet = ruleSet;
        s.phase = phase;
        s.qty = pos.qty();
        s.costBasis = pos.costBasis();
        // equity − this position's open P&L: the part of equity a quote of this instrument cannot change (exact)
        s.base = snap.equity().subtract(account.unrealized(pos));
        s.initial = units(snap.initialBalance(), "initial balance");
        s.balance = units(snap.balance(), "balance");
        Instant ref = ruleSet.dayBoundary().startOf(snap.day());

        long constFloor = Long.MIN_VALUE;
        s.dailyFloor = Long.MIN_VALUE;
        DailyLossLimit daily = ruleSet.dailyLossLimit().orElse(null);
        if (daily != null && daily.evaluation() == DailyEvaluation.INTRADAY) {
            s.dailyCounts = true;
            s.dailyOnEquity = daily.includeOpenPnl();
            // the rule's own threshold: its floor does not depend on the mark
            BigDecimal floor = new DailyLossRule(daily).evaluate(RuleContext.at(ruleSet, phase, snap,
                    EvaluationPoint.QUOTE, ref)).threshold();
            s.dailyFloor = units(floor, "daily floor");
            if (s.dailyOnEquity) {
                constFloor = s.dailyFloor;
            } else if (s.balance <= s.dailyFloor) {
                constFloor = Long.MAX_VALUE; // balance is not moved by a quote: breached whatever the price
            }
        }
        MaxLossLimit ml = ruleSet.maxLoss();
        long trailAllowance = NO_TRAIL;
        long lock = Long.MAX_VALUE;
        if (ml.mode() == MaxLossMode.TRAILING_INTRADAY_EQUITY) {
            s.trailing = true;
            trailAllowance = units(ml.allowance().resolve(snap.initialBalance()), "max-loss allowance");
            if (ml.lockAtInitial()) {
                lock = units(Money.book(snap.initialBalance().add(ml.lockOffset())), "lock level");
            }
        } else {
            s.maxLossFloor = units(new MaxLossRule(ml).floor(snap), "max-loss floor");
            constFloor = Math.max(constFloor, s.maxLossFloor);
        }
        s.trailAllowance = trailAllowance;
        s.lock = lock;

        s.durationDeadline = new MaxDurationRule(phase.maxDurationDays()).deadline(ruleSet.dayBoundary(),
                snap.startDay());
        s.durationDays = phase.maxDurationDays();
        if (ruleSet.inactivityLimitDays().isPresent()) {
            int days = ruleSet.inactivityLimitDays().get();
            s.inactivityDays = days;
            s.inactivityDeadline = new InactivityRule(days).deadline(ruleSet.dayBoundary(),
                    snap.lastTradeDay() != null ? snap.lastTradeDay() : snap.startDay());
        }
        s.dayEnd = ruleSet.dayBoundary().startOf(snap.day().plusDays(1));

        int b = slot * STRIDE;
        long qtyUnits = EXACT_ONLY;
        long offset = 0;
        Long q = unitsOrNull(s.qty, qtyScale);
        Long c = unitsOrNull(s.costBasis, MONEY_SCALE);
        Long base = unitsOrNull(s.base, MONEY_SCALE);
        if (q != null && c != null && base != null && q != EXACT_ONLY) {
            try {
                offset = Math.subtractExact(base, c);
                qtyUnits = q;
            } catch (ArithmeticException overflow) {
                qtyUnits = EXACT_ONLY;
            }
        }
        hot[b + QTY] = qtyUnits;
        hot[b + OFFSET] = offset;
        hot[b + CONST_FLOOR] = constFloor;
        hot[b + PEAK] = Math.max(units(snap.peakEquity(), "peak equity"), s.initial);
        hot[b + DAY_MIN] = units(snap.dayMinEquity(), "day minimum equity");
        hot[b + DAY_MAX] = units(snap.dayMaxEquity(), "day maximum equity");
        hot[b + TRAIL_ALLOWANCE] = trailAllowance;
        hot[b + LOCK] = lock;
        slots[slot] = s;
        earliestDeadline = earliest(earliest(earliestDeadline, s.durationDeadline), s.inactivityDeadline);
        earliestDayEnd = earliest(earliestDayEnd, s.dayEnd);
    }

    // ------------------------------------------------------------------------------------------------- quotes

    /**
     * Re-marks every registered account with the quote and checks it.
     *
     * @return how many accounts the quote breaches (see {@link #breachedSlot(int)}); 0 for an out-of-order quote
     */
    public int onQuote(Quote quote) {
        if (!quote.instrument().equals(instrument)) {
            throw new IllegalArgumentException("quote of " + quote.instrument() + " given to the monitor of "
                    + instrument);
        }
        return onQuote(quote.bid(), quote.ask(), quote.receivedTs());
    }

    /** {@link #onQuote(Quote)} for a bid/ask received at {@code at}. */
    public int onQuote(BigDecimal bid, BigDecimal ask, Instant at) {
        if (lastReceived != null && lastReceived.isAfter(at)) {
            breachCount = 0;
            return 0; // the engine never lets an older price replace a newer mark
        }
        if (earliestDayEnd != null && !at.isBefore(earliestDayEnd)) {
            earliestDayEnd = earliest(s -> s.dayEnd); // accounts may have been rolled and refreshed since
        }
        if (earliestDayEnd != null && !at.isBefore(earliestDayEnd)) {
            throw new IllegalStateException("a quote at " + at + " is past the end of a registered account's day ("
                    + earliestDayEnd + "): roll the day and refresh first");
        }
        lastReceived = at;
        lastBid = bid;
        lastAsk = ask;
        Long bidUnits = unitsOrNull(bid, priceScale);
        Long askUnits = unitsOrNull(ask, priceScale);
        boolean fixedPoint = bidUnits != null && askUnits != null;
        boolean timeDue = earliestDeadline != null && !at.isBefore(earliestDeadline);
        if (timeDue) {
            earliestDeadline = earliest(s -> earliest(s.durationDeadline, s.inactivityDeadline));
            timeDue = earliestDeadline != null && !at.isBefore(earliestDeadline);
        }
        return scan(fixedPoint ? bidUnits : 0L, fixedPoint ? askUnits : 0L, fixedPoint, timeDue, bid, ask, at);
    }

    private int scan(long bidUnits, long askUnits, boolean fixedPoint, boolean timeDue, BigDecimal bid,
                     BigDecimal ask, Instant at) {
        final long[] h = hot;
        final int n = size;
        int count = 0;
        for (int i = 0, b = 0; i < n; i++, b += STRIDE) {
            long q = h[b + QTY];
            long eq;
            if (q == 0) {
                continue; // deactivated
            }
            if (fixedPoint && q != EXACT_ONLY) {
                eq = fixedEquity(i, h[b + OFFSET], q, q > 0 ? bidUnits : askUnits, bid, ask);
            } else {
                eq = exactEquity(i, bid, ask);
            }
            long peak = h[b + PEAK];
            if (eq > peak) {
                peak = eq;
                h[b + PEAK] = eq;
            }
            if (eq < h[b + DAY_MIN]) {
                h[b + DAY_MIN] = eq;
            }
            if (eq > h[b + DAY_MAX]) {
                h[b + DAY_MAX] = eq;
            }
            long floor = Math.max(h[b + CONST_FLOOR], Math.min(peak - h[b + TRAIL_ALLOWANCE], h[b + LOCK]));
            if (eq <= floor || (timeDue && timeReason(slots[i], at) != 0)) {
                breachSlot[count] = i;
                breachReason[count] = reason(i, eq, peak, at);
                count++;
            }
        }
        breachCount = count;
        return count;
    }

    private long fixedEquity(int slot, long offset, long qtyUnits, long priceUnits, BigDecimal bid, BigDecimal ask) {
        long hi = Math.multiplyHigh(qtyUnits, priceUnits);
        long lo = qtyUnits * priceUnits;
        if (hi != (lo >> 63)) {
            return exactEquity(slot, bid, ask); // the product does not fit in a long
        }
        long eq = offset + lo;
        if (((offset ^ eq) & (lo ^ eq)) < 0) {
            return exactEquity(slot, bid, ask);
        }
        return eq;
    }

    /** The account's own arithmetic: {@code base + book(qty × mark − costBasis)}. */
    private long exactEquity(int slot, BigDecimal bid, BigDecimal ask) {
        Slot s = slots[slot];
        BigDecimal mark = s.qty.signum() > 0 ? bid : ask;
        return units(s.base.add(Money.book(s.qty.multiply(mark).subtract(s.costBasis))), "equity");
    }

    /** Which breach fails the phase, as {@code RuleEngine} chooses it. */
    private byte reason(int slot, long eq, long peak, Instant at) {
        Slot s = slots[slot];
        boolean daily = s.dailyCounts && (s.dailyOnEquity ? eq : s.balance) <= s.dailyFloor;
        long mlFloor = maxLossFloor(s, peak);
        boolean maxLoss = eq <= mlFloor;
        if (daily && (!maxLoss || s.dailyFloor >= mlFloor)) {
            return R_DAILY;
        }
        if (maxLoss) {
            return R_MAX_LOSS;
        }
        return timeReason(s, at);
    }

    private static long maxLossFloor(Slot s, long peak) {
        return s.trailing ? Math.min(Math.max(peak, s.initial) - s.trailAllowance, s.lock) : s.maxLossFloor;
    }

    private static byte timeReason(Slot s, Instant at) {
        if (s.durationDeadline != null && !at.isBefore(s.durationDeadline)) {
            return R_DURATION;
        }
        if (s.inactivityDeadline != null && !at.isBefore(s.inactivityDeadline)) {
            return R_INACTIVITY;
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------------------ results

    /** Accounts breached by the last quote. */
    public int breachCount() {
        return breachCount;
    }

    /** The slot of the {@code k}-th breached account of the last quote (in slot order). */
    public int breachedSlot(int k) {
        Objects.checkIndex(k, breachCount);
        return breachSlot[k];
    }

    /** The reason the engine would fail the {@code k}-th breached account with. */
    public RuleName breachReason(int k) {
        Objects.checkIndex(k, breachCount);
        return REASONS[breachReason[k]];
    }

    /** The verdict of the last quote for a slot: empty when nothing is breached (cold path, allocates). */
    public Verdict verdict(int slot) {
        Objects.checkIndex(slot, size);
        for (int k = 0; k < breachCount; k++) {
            if (breachSlot[k] == slot) {
                return verdictOf(slot, breachReason[k]);
            }
        }
        return new Verdict(slots[slot].accountId, null, null);
    }

    private Verdict verdictOf(int slot, byte reason) {
        Slot s = slots[slot];
        BigDecimal threshold = switch (reason) {
            case R_DAILY -> money(s.dailyFloor);
            case R_MAX_LOSS -> money(maxLossFloor(s, hot[slot * STRIDE + PEAK]));
            case R_DURATION -> BigDecimal.valueOf(s.durationDays);
            case R_INACTIVITY -> BigDecimal.valueOf(s.inactivityDays);
            default -> throw new IllegalStateException("no reason " + reason);
        };
        return new Verdict(s.accountId, REASONS[reason], threshold);
    }

    public String accountId(int slot) {
        Objects.checkIndex(slot, size);
        return slots[slot].accountId;
    }

    /** Equity at the last quote (the account's {@code equity()} after the same marks); active slots only. */
    public BigDecimal equity(int slot) {
        Objects.checkIndex(slot, size);
        if (!slots[slot].active) {
            throw new IllegalStateException("slot " + slot + " is not active");
        }
        if (lastBid == null) {
            throw new IllegalStateException("no quote yet");
        }
        return money(exactEquity(slot, lastBid, lastAsk));
    }

    /** Highest equity observed, as the account's snapshot reports it. */
    public BigDecimal peakEquity(int slot) {
        Objects.checkIndex(slot, size);
        return money(hot[slot * STRIDE + PEAK]);
    }

    public BigDecimal dayMinEquity(int slot) {
        Objects.checkIndex(slot, size);
        return money(hot[slot * STRIDE + DAY_MIN]);
    }

    public BigDecimal dayMaxEquity(int slot) {
        Objects.checkIndex(slot, size);
        return money(hot[slot * STRIDE + DAY_MAX]);
    }

    /** Whether the slot is evaluated in fixed point (true) or, its numbers not fitting, with BigDecimal. */
    public boolean fixedPoint(int slot) {
        Objects.checkIndex(slot, size);
        return hot[slot * STRIDE + QTY] != EXACT_ONLY;
    }

    /**
     * What the monitor says about one account after a quote.
     *
     * @param reason    the rule the engine would fail the phase with, {@code null} when nothing is breached
     * @param threshold that rule's threshold (the floor for money rules, the limit in days for time rules)
     */
    public record Verdict(String accountId, RuleName reason, BigDecimal threshold) {
        public boolean breached() {
            return reason != null;
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static final class Slot {
        boolean active;
        String accountId;
        RuleSet ruleSet;
        Phase phase;
        BigDecimal qty;
        BigDecimal costBasis;
        BigDecimal base;
        long initial;
        long balance;
        boolean dailyCounts;
        boolean dailyOnEquity;
        long dailyFloor;
        boolean trailing;
        long maxLossFloor;
        long trailAllowance;
        long lock;
        Instant durationDeadline;
        Integer durationDays;
        Instant inactivityDeadline;
        int inactivityDays;
        Instant dayEnd;
    }

    private Instant earliest(java.util.function.Function<Slot, Instant> of) {
        Instant min = null;
        for (int i = 0; i < size; i++) {
            min = earliest(min, of.apply(slots[i]));
        }
        return min;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static BigDecimal money(long units) {
        return BigDecimal.valueOf(units, MONEY_SCALE);
    }

    /** Exact fixed-point units at the money scale; throws when the amount is off the grid or too large. */
    private static long units(BigDecimal v, String what) {
        Long u = unitsOrNull(v, MONEY_SCALE);
        if (u == null || u == EXACT_ONLY) {
            throw new IllegalArgumentException(what + " " + v + " does not fit a long at scale " + MONEY_SCALE);
        }
        return u;
    }

    /** {@code v × 10^scale} when that is an integer fitting in a long (never {@link #EXACT_ONLY}), else null. */
    private static Long unitsOrNull(BigDecimal v, int scale) {
        try {
            return v.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException notExact) {
            return null;
        }
    }
}
