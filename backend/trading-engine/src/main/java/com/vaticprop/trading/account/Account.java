package com.vaticprop.trading.account;

import com.vaticprop.trading.instrument.AssetClass;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.market.QuoteState;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.position.ClosedPosition;
import com.vaticprop.trading.position.Position;
import com.vaticprop.trading.position.PositionChange;
import com.vaticprop.trading.position.PositionMath;
import com.vaticprop.trading.position.PositionState;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One assessment phase's trading account: cash, open positions, marks, and the per-day record the rules need.
 *
 * <p>Bookkeeping identity (property-tested): {@code cash + collateral = balance = initial + realized − fees}.
 * Crypto is margin-settled (only P&L and fees move cash); prediction-market shares are fully paid, so buying moves
 * cash into collateral. Equity = balance + open P&L, longs marked at the bid and shorts at the ask.
 *
 * <p>Single-threaded by design: one assessment's inputs are applied in order, which is what makes replays exact.
 */
public final class Account {
    private final String accountId;
    private final BigDecimal initialBalance;
    private final BigDecimal tradingDayMinNotional;
    private final LocalDate startDay;
    private BigDecimal cash;
    private BigDecimal realized = Money.ZERO;
    private BigDecimal fees = Money.ZERO;
    private final Map<String, Position> positions = new TreeMap<>();
    private final Map<String, Quote> marks = new HashMap<>();
    private final List<ClosedPosition> closedPositions = new ArrayList<>();
    private final List<DayClose> closedDays = new ArrayList<>();
    private int positionSeq;

    private BigDecimal peakEquity;
    private BigDecimal highestCloseBalance;
    private int tradingDays;
    private LocalDate lastTradeDay;
    private BigDecimal bestClosedDayPnl;

    private LocalDate day;
    private BigDecimal dayOpenBalance;
    private BigDecimal dayOpenEquity;
    private BigDecimal dayMinEquity;
    private BigDecimal dayMaxEquity;
    private int dayFills;
    private boolean dayIsTradingDay;

    /**
     * @param tradingDayMinNotional a fill of at least this notional makes its day a trading day
     */
    public Account(String accountId, BigDecimal initialBalance, BigDecimal tradingDayMinNotional, LocalDate startDay) {
        this.accountId = accountId;
        this.initialBalance = Money.book(initialBalance);
        this.tradingDayMinNotional = tradingDayMinNotional;
        this.startDay = startDay;
        this.cash = this.initialBalance;
        this.peakEquity = this.initialBalance;
        this.highestCloseBalance = this.initialBalance;
        this.day = startDay;
        this.dayOpenBalance = this.initialBalance;
        this.dayOpenEquity = this.initialBalance;
        this.dayMinEquity = this.initialBalance;
        this.dayMaxEquity = this.initialBalance;
    }

    /**
     * Restores an account captured by {@link #state()}: the restored account books, marks, closes days and reports
     * exactly as the captured one would have. Closed positions are not part of the state (nothing reads them back;
     * they were published when they closed), so {@link #closedPositions()} starts empty.
     *
     * @throws IllegalArgumentException when the state is incomplete or inconsistent (a mark filed under another
     *                                  instrument, two positions in one instrument, books that do not balance, …)
     */
    public static Account restore(AccountState state) {
        try {
            return new Account(state);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) { // a null where an amount belongs
            throw new IllegalArgumentException("inconsistent account state: " + e, e);
        }
    }

    private Account(AccountState s) {
        require(s.accountId() != null && s.initialBalance() != null && s.tradingDayMinNotional() != null
                && s.startDay() != null && s.cash() != null && s.realized() != null && s.fees() != null
                && s.peakEquity() != null && s.highestCloseBalance() != null && s.today() != null, "missing field");
        AccountState.DayState t = s.today();
        require(t.day() != null && t.openBalance() != null && t.openEquity() != null && t.minEquity() != null
                && t.maxEquity() != null, "today: missing field");
        require(s.positionSeq() >= 0 && s.tradingDays() >= 0 && t.fills() >= 0, "negative counter");
        require(!t.day().isBefore(s.startDay()), "today " + t.day() + " is before the start day " + s.startDay());
        require(t.minEquity().compareTo(t.maxEquity()) <= 0, "today's min equity above its max");
        this.accountId = s.accountId();
        this.initialBalance = s.initialBalance();
        this.tradingDayMinNotional = s.tradingDayMinNotional();
        this.startDay = s.startDay();
        this.cash = s.cash();
        this.realized = s.realized();
        this.fees = s.fees();
        for (var ps : s.positions()) {
            Position p = ps.toPosition();
            require(positions.put(p.instrument().value(), p) == null, "two positions in " + p.instrument());
        }
        for (Map.Entry<String, QuoteState> e : s.marks().entrySet()) {
            Quote q = e.getValue().toQuote();
            require(q.instrument().value().equals(e.getKey()), "mark " + e.getKey() + " holds a quote for "
                    + q.instrument());
            marks.put(e.getKey(), q);
        }
        LocalDate previous = null;
        for (AccountState.ClosedDayState d : s.closedDays()) {
            require(d.day() != null && (previous == null || d.day().isAfter(previous)) && d.day().isBefore(t.day()),
                    "closed days out of order");
            closedDays.add(d.toDayClose());
            previous = d.day();
        }
        this.positionSeq = s.positionSeq();
        this.peakEquity = s.peakEquity();
        this.highestCloseBalance = s.highestCloseBalance();
        this.tradingDays = s.tradingDays();
        this.lastTradeDay = s.lastTradeDay();
        this.bestClosedDayPnl = s.bestClosedDayPnl();
        this.day = t.day();
        this.dayOpenBalance = t.openBalance();
        this.dayOpenEquity = t.openEquity();
        this.dayMinEquity = t.minEquity();
        this.dayMaxEquity = t.maxEquity();
        this.dayFills = t.fills();
        this.dayIsTradingDay = t.tradingDay();
        require(cash.add(collateral()).compareTo(balance()) == 0, "cash + collateral " + cash.add(collateral())
                + " is not initial + realized − fees " + balance());
    }

    /** This account as plain data, for engine snapshots ({@link #restore(AccountState)}). */
    public AccountState state() {
        Map<String, QuoteState> m = new TreeMap<>();
        marks.forEach((k, q) -> m.put(k, QuoteState.of(q)));
        return new AccountState(accountId, initialBalance, tradingDayMinNotional, startDay, cash, realized, fees,
                positions.values().stream().map(PositionState::of).toList(), m,
                closedDays.stream().map(AccountState.ClosedDayState::of).toList(), positionSeq, peakEquity,
                highestCloseBalance, tradingDays, lastTradeDay, bestClosedDayPnl,
                new AccountState.DayState(day, dayOpenBalance, dayOpenEquity, dayMinEquity, dayMaxEquity, dayFills,
                        dayIsTradingDay));
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("inconsistent account state: " + problem);
        }
    }

    public String accountId() {
        return accountId;
    }

    public BigDecimal initialBalance() {
        return initialBalance;
    }

    public BigDecimal cash() {
        return cash;
    }

    public BigDecimal realizedPnl() {
        return realized;
    }

    public BigDecimal fees() {
        return fees;
    }

    /** initial + realized − fees: what the account is worth with every position closed at entry. */
    public BigDecimal balance() {
        return initialBalance.add(realized).subtract(fees);
    }

    /** Cash tied up in fully paid positions (prediction-market cost basis). */
    public BigDecimal collateral() {
        BigDecimal sum = Money.ZERO;
        for (Position p : positions.values()) {
            if (p.instrument().assetClass() == AssetClass.PREDICTION_MARKET) {
                sum = sum.add(p.costBasis());
            }
        }
        return sum;
    }

    public BigDecimal unrealizedPnl() {
        BigDecimal sum = Money.ZERO;
        for (Position p : positions.values()) {
            sum = sum.add(unrealized(p));
        }
        return sum;
    }

    public BigDecimal equity() {
        return balance().add(unrealizedPnl());
    }

    /** Open P&L of one position at its current mark (zero until the instrument has a quote). */
    public BigDecimal unrealized(Position p) {
        Quote q = marks.get(p.instrument().value());
        return q == null ? Money.ZERO : p.unrealizedAt(p.markPrice(q));
    }

    public Optional<Position> position(InstrumentId id) {
        return Optional.ofNullable(positions.get(id.value()));
    }

    public Collection<Position> positions() {
        return List.copyOf(positions.values());
    }

    public Optional<Quote> mark(InstrumentId id) {
        return Optional.ofNullable(marks.get(id.value()));
    }

    public List<ClosedPosition> closedPositions() {
        return List.copyOf(closedPositions);
    }

    public List<DayClose> closedDays() {
        return List.copyOf(closedDays);
    }

    public LocalDate day() {
        return day;
    }

    /** Gross notional of crypto positions at their marks (long and short both count). */
    public BigDecimal grossCryptoNotional() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Position p : positions.values()) {
            if (p.instrument().assetClass() == AssetClass.CRYPTO) {
                Quote q = marks.get(p.instrument().value());
                sum = sum.add(p.notionalAt(q == null ? p.avgEntry() : p.markPrice(q)));
            }
        }
        return sum;
    }

    /** Books one fill: position, cash, P&L, fees, the day's activity; then re-marks with the fill's quote. */
    public PositionChange applyFill(Fill fill) {
        Position current = positions.get(fill.instrument().value());
        PositionChange change = PositionMath.apply(current, fill, this::nextPositionId);
        BigDecimal collateralDelta = fill.instrument().assetClass() == AssetClass.PREDICTION_MARKET
                ? change.costBasisDelta() : BigDecimal.ZERO;
        cash = cash.add(change.realized()).subtract(fill.fee()).subtract(collateralDelta);
        realized = realized.add(change.realized());
        fees = fees.add(fill.fee());
        store(fill.instrument(), change);
        dayFills++;
        lastTradeDay = day;
        if (fill.notional().compareTo(tradingDayMinNotional) >= 0 && !dayIsTradingDay) {
            dayIsTradingDay = true;
            tradingDays++;
        }
        if (fill.quote() != null) {
            marks.put(fill.instrument().value(), fill.quote());
        }
        observeEquity();
        return change;
    }

    /** Settles a prediction-market position at its resolution price; empty when there is nothing to settle. */
    public Optional<PositionChange> settle(InstrumentId id, BigDecimal price, Instant at) {
        return exit(id, p -> PositionMath.settle(p, price, at));
    }

    /** Unwinds a voided market's position at entry; empty when there is nothing to unwind. */
    public Optional<PositionChange> voidMarket(InstrumentId id, Instant at) {
        return exit(id, p -> PositionMath.voidAtEntry(p, at));
    }

    private Optional<PositionChange> exit(InstrumentId id, java.util.function.Function<Position, PositionChange> f) {
        Position current = positions.get(id.value());
        if (current == null) {
            return Optional.empty();
        }
        PositionChange change = f.apply(current);
        cash = cash.add(change.realized()).subtract(change.costBasisDelta());
        realized = realized.add(change.realized());
        store(id, change);
        observeEquity();
        return Optional.of(change);
    }

    /**
     * What {@link #mark} changes when the instrument's next quote arrives — its mark and the equity extremes — taken
     * before it, so that a breach measured on that quote can later be voided back to the state without it. Cheap on
     * purpose: the risk monitor takes one for every quote of a held instrument.
     */
    public record MarkUndo(String instrument, Quote previousMark, BigDecimal peakEquity, BigDecimal dayMinEquity,
                           BigDecimal dayMaxEquity) {
    }

    public MarkUndo beforeMark(InstrumentId instrument) {
        return new MarkUndo(instrument.value(), marks.get(instrument.value()), peakEquity, dayMinEquity,
                dayMaxEquity);
    }

    /** {@link #state()} as it was before the quote {@code undo} was taken for had marked this account. */
    public AccountState stateBefore(MarkUndo undo) {
        AccountState now = state();
        Map<String, QuoteState> m = new TreeMap<>(now.marks());
        if (undo.previousMark() == null) {
            m.remove(undo.instrument());
        } else {
            m.put(undo.instrument(), QuoteState.of(undo.previousMark()));
        }
        AccountState.DayState t = now.today();
        return new AccountState(accountId, initialBalance, tradingDayMinNotional, startDay, cash, realized, fees,
                now.positions(), m, now.closedDays(), positionSeq, undo.peakEquity(), highestCloseBalance,
                tradingDays, lastTradeDay, bestClosedDayPnl, new AccountState.DayState(t.day(), t.openBalance(),
                t.openEquity(), undo.dayMinEquity(), undo.dayMaxEquity(), t.fills(), t.tradingDay()));
    }

    /** Re-marks with a new quote (used for equity only if it is for an instrument held or later traded). */
    public void mark(Quote quote) {
        marks.put(quote.instrument().value(), quote);
        if (positions.containsKey(quote.instrument().value())) {
            observeEquity();
        }
    }

    /**
     * Closes the current day at the current marks and opens {@code nextDay}; the close becomes the next day's anchors.
     */
    public DayClose closeDay(LocalDate nextDay) {
        BigDecimal closeEquity = equity();
        BigDecimal closeBalance = balance();
        DayClose close = new DayClose(day, closeBalance, closeEquity, closeEquity.subtract(dayOpenEquity),
                dayMinEquity, dayMaxEquity, dayIsTradingDay, dayFills);
        closedDays.add(close);
        bestClosedDayPnl = bestClosedDayPnl == null ? close.dayPnl() : Money.max(bestClosedDayPnl, close.dayPnl());
        highestCloseBalance = Money.max(highestCloseBalance, closeBalance);
        day = nextDay;
        dayOpenBalance = closeBalance;
        dayOpenEquity = closeEquity;
        dayMinEquity = closeEquity;
        dayMaxEquity = closeEquity;
        dayFills = 0;
        dayIsTradingDay = false;
        return close;
    }

    public AccountSnapshot snapshot() {
        BigDecimal unrealized = unrealizedPnl();
        BigDecimal balance = balance();
        BigDecimal equity = balance.add(unrealized);
        BigDecimal today = equity.subtract(dayOpenEquity);
        BigDecimal best = bestClosedDayPnl == null ? today : Money.max(bestClosedDayPnl, today);
        return new AccountSnapshot(initialBalance, cash, balance, equity, unrealized, realized, fees, collateral(),
                positions.size(), startDay, day, dayOpenBalance, dayOpenEquity, Money.min(dayMinEquity, equity),
                Money.max(dayMaxEquity, equity), Money.max(peakEquity, equity), highestCloseBalance, tradingDays,
                dayIsTradingDay, best, lastTradeDay, grossCryptoNotional());
    }

    private void store(InstrumentId id, PositionChange change) {
        if (change.after() == null) {
            positions.remove(id.value());
        } else {
            positions.put(id.value(), change.after());
        }
        if (change.closed() != null) {
            closedPositions.add(change.closed());
        }
    }

    private void observeEquity() {
        BigDecimal e = equity();
        peakEquity = Money.max(peakEquity, e);
        dayMinEquity = Money.min(dayMinEquity, e);
        dayMaxEquity = Money.max(dayMaxEquity, e);
    }

    private String nextPositionId() {
        positionSeq++;
        return accountId + "-P" + positionSeq;
    }
}
