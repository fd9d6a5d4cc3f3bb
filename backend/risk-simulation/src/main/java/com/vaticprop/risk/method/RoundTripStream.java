package com.vaticprop.risk.method;

import com.vaticprop.risk.sample.DaySeries;
import com.vaticprop.risk.sample.DayTable;

import java.util.SplittableRandom;

/**
 * i.i.d. bootstrap of round trips. Days are formed by a trades-per-day draw: a day first draws its number of round
 * trips from the sample's own per-day counts (idle days included, so a trader who trades every other day keeps doing
 * so), then draws that many round trips i.i.d. from the whole sample and books them in draw order (see
 * {@link DaySeries.DayBuilder} for the intraday low, balance and flags).
 */
final class RoundTripStream implements DayStream {
    private final long[] pnl;
    private final long[] worstOpen;
    private final boolean[] qualifies;
    private final int[] tradesPerDay;
    private final DayTable scratch = new DayTable(1);
    private final DaySeries.DayBuilder day = new DaySeries.DayBuilder();

    RoundTripStream(long[] pnl, long[] worstOpen, boolean[] qualifies, int[] tradesPerDay) {
        this.pnl = pnl;
        this.worstOpen = worstOpen;
        this.qualifies = qualifies;
        this.tradesPerDay = tradesPerDay;
    }

    @Override
    public DayTable table() {
        return scratch;
    }

    @Override
    public void startPath(SplittableRandom random) {
    }

    @Override
    public int nextDay(SplittableRandom random) {
        int k = tradesPerDay[random.nextInt(tradesPerDay.length)];
        day.reset();
        for (int i = 0; i < k; i++) {
            int t = random.nextInt(pnl.length);
            day.add(pnl[t], worstOpen[t], qualifies[t]);
        }
        day.writeTo(scratch, 0);
        return 0;
    }
}
