package com.vaticprop.report.metrics;

import java.math.BigDecimal;

/** One instrument's round trips: how many, their net P&L, wins and losses (break-even neither) and win rate. */
public record InstrumentStats(String instrument, int roundTrips, BigDecimal netPnl, int wins, int losses,
                              BigDecimal winRate) {

    static final class Builder {
        private final String instrument;
        private int count;
        private int wins;
        private int losses;
        private BigDecimal net = BigDecimal.ZERO;

        Builder(String instrument) {
            this.instrument = instrument;
        }

        void add(BigDecimal pnl) {
            count++;
            net = net.add(pnl);
            if (pnl.signum() > 0) {
                wins++;
            } else if (pnl.signum() < 0) {
                losses++;
            }
        }

        InstrumentStats build() {
            return new InstrumentStats(instrument, count, net, wins, losses, Ratios.divide(wins, wins + losses));
        }
    }
}
