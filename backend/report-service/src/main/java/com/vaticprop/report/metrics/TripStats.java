package com.vaticprop.report.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Round-trip statistics accumulated one trip at a time, so a report over tens of thousands of round trips streams
 * them from the database instead of holding rows: per trip only its net P&L is kept (as a {@code double}, for the
 * distribution chart), the rest are running sums. Money sums are exact ({@code BigDecimal}).
 */
public final class TripStats {

    private int count;
    private int wins;
    private int losses;
    private BigDecimal total = BigDecimal.ZERO;
    private BigDecimal grossProfit = BigDecimal.ZERO;
    private BigDecimal grossLoss = BigDecimal.ZERO;
    private TripResult best;
    private TripResult worst;
    private long holdingSeconds;
    private double[] pnls = new double[64];
    private final Map<String, InstrumentStats.Builder> byInstrument = new TreeMap<>();

    public void add(TripResult t) {
        BigDecimal pnl = t.netPnl();
        if (count == pnls.length) {
            pnls = Arrays.copyOf(pnls, count * 2);
        }
        pnls[count] = pnl.doubleValue();
        count++;
        total = total.add(pnl);
        int sign = pnl.signum();
        if (sign > 0) {
            wins++;
            grossProfit = grossProfit.add(pnl);
        } else if (sign < 0) {
            losses++;
            grossLoss = grossLoss.add(pnl.negate());
        }
        if (best == null || pnl.compareTo(best.netPnl()) > 0) {
            best = t;
        }
        if (worst == null || pnl.compareTo(worst.netPnl()) < 0) {
            worst = t;
        }
        holdingSeconds += Duration.between(t.openedAt(), t.closedAt()).toSeconds();
        byInstrument.computeIfAbsent(t.instrument(), InstrumentStats.Builder::new).add(pnl);
    }

    public int count() {
        return count;
    }

    /** The net P&L of every round trip in the order added (for the distribution chart). */
    public double[] pnls() {
        return Arrays.copyOf(pnls, count);
    }

    /** Win rate over round trips with a non-zero result (break-even trips are neither wins nor losses). */
    public BigDecimal winRate() {
        return Ratios.divide(wins, wins + losses);
    }

    public BigDecimal profitFactor() {
        return grossLoss.signum() == 0 ? null : Ratios.of(grossProfit.doubleValue() / grossLoss.doubleValue());
    }

    /** Average win over the average loss (magnitude). */
    public BigDecimal payoffRatio() {
        if (wins == 0 || losses == 0) {
            return null;
        }
        return Ratios.of((grossProfit.doubleValue() / wins) / (grossLoss.doubleValue() / losses));
    }

    /** Mean net P&L per round trip, in money. */
    public BigDecimal expectancy() {
        return count == 0 ? null : total.divide(BigDecimal.valueOf(count), 8, RoundingMode.HALF_EVEN);
    }

    public BigDecimal total() {
        return total;
    }

    public int wins() {
        return wins;
    }

    public int losses() {
        return losses;
    }

    public TripResult best() {
        return best;
    }

    public TripResult worst() {
        return worst;
    }

    /** Mean time a round trip was open; {@code null} without trips. */
    public Duration averageHolding() {
        return count == 0 ? null : Duration.ofSeconds(Math.round((double) holdingSeconds / count));
    }

    public java.util.List<InstrumentStats> perInstrument() {
        return byInstrument.values().stream().map(InstrumentStats.Builder::build).toList();
    }
}
