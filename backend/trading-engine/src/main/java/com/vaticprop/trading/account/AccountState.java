package com.vaticprop.trading.account;

import com.vaticprop.trading.market.QuoteState;
import com.vaticprop.trading.position.PositionState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything an {@link Account} needs to go on exactly where it stopped, as plain data ({@link Account#state()},
 * {@link Account#restore(AccountState)}). Each component and why it is kept:
 *
 * @param accountId             prefix of every position id the account hands out ({@code <accountId>-P<n>})
 * @param initialBalance        the base of balance, the loss floors and the target (booked, scale 8)
 * @param tradingDayMinNotional a fill of at least this notional makes its day a trading day
 * @param startDay              day 1 of the phase (duration, inactivity without fills)
 * @param cash                  cash after every booking (prediction-market buys move cash into collateral)
 * @param realized              realized P&L of the phase: balance = initial + realized − fees
 * @param fees                  fees of the phase
 * @param positions             open positions with their signed cost basis (ordered by instrument)
 * @param marks                 last quote applied per instrument: equity, exposure and the next mark-to-market read
 *                              it; it can differ from the engine's latest quote (quotes after a verdict do not mark)
 * @param closedDays            closed days in order (published history; the day P&L of each is already folded into
 *                              {@code bestClosedDayPnl} and {@code highestCloseBalance})
 * @param positionSeq           last position number handed out, so new position ids never repeat
 * @param peakEquity            highest equity seen (trailing intraday max-loss floor)
 * @param highestCloseBalance   highest end-of-day balance (trailing end-of-day floor)
 * @param tradingDays           trading days counted so far (minimum trading days)
 * @param lastTradeDay          day of the last fill, {@code null} before the first (inactivity)
 * @param bestClosedDayPnl      best closed day's P&L, {@code null} before the first close (consistency gate)
 * @param today                 the open day's record (daily loss anchors, intraday extremes, activity)
 */
public record AccountState(String accountId, BigDecimal initialBalance, BigDecimal tradingDayMinNotional,
                           LocalDate startDay, BigDecimal cash, BigDecimal realized, BigDecimal fees,
                           List<PositionState> positions, Map<String, QuoteState> marks,
                           List<ClosedDayState> closedDays, int positionSeq, BigDecimal peakEquity,
                           BigDecimal highestCloseBalance, int tradingDays, LocalDate lastTradeDay,
                           BigDecimal bestClosedDayPnl, DayState today) {
    public AccountState {
        positions = positions == null ? List.of() : List.copyOf(positions);
        marks = marks == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(marks));
        closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
    }

    /** A {@link DayClose} as plain data. */
    public record ClosedDayState(LocalDate day, BigDecimal closeBalance, BigDecimal closeEquity, BigDecimal dayPnl,
                                 BigDecimal minEquity, BigDecimal maxEquity, boolean tradingDay, int fills) {
        static ClosedDayState of(DayClose d) {
            return new ClosedDayState(d.day(), d.closeBalance(), d.closeEquity(), d.dayPnl(), d.minEquity(),
                    d.maxEquity(), d.tradingDay(), d.fills());
        }

        DayClose toDayClose() {
            return new DayClose(day, closeBalance, closeEquity, dayPnl, minEquity, maxEquity, tradingDay, fills);
        }
    }

    /**
     * The day still open.
     *
     * @param day          the open day (the next boundary the engine rolls is the start of day + 1)
     * @param openBalance  prior close balance: daily-loss anchor
     * @param openEquity   prior close equity: daily-loss anchor and today's P&L base
     * @param minEquity    lowest equity today (end-of-day daily loss, published day close)
     * @param maxEquity    highest equity today
     * @param fills        fills today
     * @param tradingDay   whether today already counts as a trading day (so it is counted once)
     */
    public record DayState(LocalDate day, BigDecimal openBalance, BigDecimal openEquity, BigDecimal minEquity,
                           BigDecimal maxEquity, int fills, boolean tradingDay) {
    }
}
